import { withoutSuggestions } from './suggestions';

describe('withoutSuggestions', () => {
  it.each([
    [
      'Cannot query field "organisatons" on type "Query". Did you mean "organisations" or "organisation"?',
      'Cannot query field "organisatons" on type "Query".',
    ],
    [
      'Value "DEPARTMEN" does not exist in "OrganisationKind" enum. Did you mean the enum value "DEPARTMENT"?',
      'Value "DEPARTMEN" does not exist in "OrganisationKind" enum.',
    ],
    [
      'Variable "$k" got invalid value "DEPARTMEN" at "k[0]"; Value "DEPARTMEN" does not exist in "OrganisationKind" enum. Did you mean the enum value "DEPARTMENT"?',
      'Variable "$k" got invalid value "DEPARTMEN" at "k[0]"; Value "DEPARTMEN" does not exist in "OrganisationKind" enum.',
    ],
    [
      'Cannot query field "x" on type "Node". Did you mean to use an inline fragment on "Task"?',
      'Cannot query field "x" on type "Node".',
    ],
    [
      'Field "tasks" of type "TaskConnection" must have a selection of subfields. Did you mean "tasks { ... }"?',
      'Field "tasks" of type "TaskConnection" must have a selection of subfields.',
    ],
    [
      'Unknown argument "frist" on field "Query.tasks". Did you mean "first", "filter", or "after"?',
      'Unknown argument "frist" on field "Query.tasks".',
    ],
  ])('%s', (message, expected) => {
    expect(withoutSuggestions({ message, extensions: { code: 'X' } })).toEqual({
      message: expected,
      extensions: { code: 'X' },
    });
  });

  it('leaves other messages as they are, twice in a row', () => {
    const error = { message: 'Your role does not allow this' };
    expect(withoutSuggestions(error)).toBe(error);
    expect(withoutSuggestions(error)).toBe(error);
  });
});
