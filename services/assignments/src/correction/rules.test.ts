import { refusal, type CalendarDate } from '@giaoviec/shared';
import type { CorrectTaskInput } from './correction.inputs';
import { cleanCorrection, correctedTask, type Correction, type RecordedStep, type RecordedTask } from './rules';

const d = (text: string) => text as CalendarDate;
const TODAY = d('2017-12-31');
const LEAD = '0a000000-0000-5000-8000-000000000001';
const OTHER = '0a000000-0000-5000-8000-000000000002';
const EXTENSION = '0b000000-0000-5000-8000-000000000001';
const LATER_EXTENSION = '0b000000-0000-5000-8000-000000000002';

const step = (type: string, on: string, details: Record<string, unknown> = {}): RecordedStep => ({
  type,
  on: d(on),
  ...details,
});
const progress = (on: string) => step('PROGRESS_REPORTED', on, { percentComplete: 50, note: 'x' });
const request = (on: string, proposedDueOn: string, extensionId = EXTENSION) =>
  step('EXTENSION_REQUESTED', on, { extensionId, proposedDueOn: d(proposedDueOn), reason: 'x' });
const approve = (on: string, extensionId = EXTENSION) => step('EXTENSION_APPROVED', on, { extensionId });
const reject = (on: string, extensionId = EXTENSION) => step('EXTENSION_REJECTED', on, { extensionId });
const submit = (on: string, completedOn: string) =>
  step('COMPLETION_SUBMITTED', on, { completedOn: d(completedOn), note: 'x' });

/** Assigned on 1 March, due 31 March, from document 12/QĐ-UBND of 28 February; nothing recorded since. */
const recorded: RecordedTask = {
  fields: {
    title: 'Nhiệm vụ',
    description: null,
    assignedOn: d('2017-03-01'),
    originalDueOn: d('2017-03-31'),
    priority: 'ROUTINE',
    sourceDocument: { number: '12/QĐ-UBND', kind: 'DECISION', issuedOn: d('2017-02-28'), signer: null },
    coordinatingOrganisationIds: [],
    coordinationDueOn: null,
  },
  status: 'IN_PROGRESS',
  leadOrganisationId: LEAD,
  deadlineWorkingDays: null,
  approvedExtensions: [],
  steps: [],
};
const withSteps = (...steps: RecordedStep[]): RecordedTask => ({ ...recorded, steps });
/** Extended on 31 March (asked on 30 March) to 15 April. */
const extended: RecordedTask = {
  ...withSteps(request('2017-03-30', '2017-04-15'), approve('2017-03-31')),
  approvedExtensions: [{ decidedOn: d('2017-03-31'), newDueOn: d('2017-04-15') }],
};

/** The code and field of a refusal, or the changes of an accepted correction. */
function outcome(task: RecordedTask, correction: Correction) {
  const result = correctedTask(task, correction, TODAY);
  return result.refusal
    ? [result.refusal.code, result.refusal.field]
    : result.changes.map((change) => `${change.field}: ${change.before} -> ${change.after}`);
}

describe('correctedTask', () => {
  it.each<[string, RecordedTask, Correction, unknown]>([
    ['a title', recorded, { title: 'Nhiệm vụ mới' }, ['title: Nhiệm vụ -> Nhiệm vụ mới']],
    [
      'only what differs',
      recorded,
      { title: 'Nhiệm vụ', assignedOn: d('2017-03-02') },
      ['assignedOn: 2017-03-01 -> 2017-03-02'],
    ],
    ['nothing', recorded, { title: 'Nhiệm vụ', originalDueOn: d('2017-03-31') }, ['BAD_USER_INPUT', undefined]],
    ['the deadline removed', recorded, { originalDueOn: null }, ['originalDueOn: 2017-03-31 -> null']],
    [
      'the document removed, field by field',
      recorded,
      { sourceDocument: null },
      [
        'sourceDocument.number: 12/QĐ-UBND -> null',
        'sourceDocument.kind: DECISION -> null',
        'sourceDocument.issuedOn: 2017-02-28 -> null',
      ],
    ],
    [
      'coordinating units, as a set',
      { ...recorded, fields: { ...recorded.fields, coordinatingOrganisationIds: [OTHER] } },
      { coordinatingOrganisationIds: [OTHER] },
      ['BAD_USER_INPUT', undefined],
    ],
    [
      'coordinating units added',
      recorded,
      { coordinatingOrganisationIds: [OTHER] },
      [`coordinatingOrganisationIds: null -> ${OTHER}`],
    ],
    [
      'the lead unit coordinating',
      recorded,
      { coordinatingOrganisationIds: [LEAD] },
      ['BAD_USER_INPUT', 'coordinatingOrganisationIds'],
    ],
    ['a withdrawn task', { ...recorded, status: 'WITHDRAWN' }, { title: 'x' }, ['CONFLICT', undefined]],
    ['an assignment in the future', recorded, { assignedOn: d('2018-01-01') }, ['BAD_USER_INPUT', 'assignedOn']],
    ['an assignment before the document', recorded, { assignedOn: d('2017-02-27') }, ['BAD_USER_INPUT', 'assignedOn']],
    [
      'a document after the assignment',
      recorded,
      { sourceDocument: { number: '13/QĐ-UBND', kind: 'DECISION', issuedOn: d('2017-03-02'), signer: null } },
      ['BAD_USER_INPUT', 'sourceDocument.issuedOn'],
    ],
    [
      'a deadline before the assignment',
      recorded,
      { originalDueOn: d('2017-02-28') },
      ['BAD_USER_INPUT', 'originalDueOn'],
    ],
    ['an assignment after the deadline', recorded, { assignedOn: d('2017-04-01') }, ['BAD_USER_INPUT', 'assignedOn']],
    [
      'an assignment on the day of a step',
      withSteps(progress('2017-03-10')),
      { assignedOn: d('2017-03-10') },
      ['assignedOn: 2017-03-01 -> 2017-03-10'],
    ],
    [
      'an assignment after a step',
      withSteps(progress('2017-03-10')),
      { assignedOn: d('2017-03-11') },
      ['BAD_USER_INPUT', 'assignedOn'],
    ],
    [
      'an assignment after the work was done, reported later',
      withSteps(submit('2017-03-12', '2017-03-05')),
      { assignedOn: d('2017-03-06') },
      ['BAD_USER_INPUT', 'assignedOn'],
    ],
    [
      'an assignment on the day of a transfer',
      withSteps(step('TRANSFERRED', '2017-03-10')),
      { assignedOn: d('2017-03-10') },
      ['BAD_USER_INPUT', 'assignedOn'],
    ],
    [
      'the deadline removed, with a request',
      withSteps(request('2017-03-20', '2017-04-30'), reject('2017-03-21')),
      { originalDueOn: null },
      ['CONFLICT', 'originalDueOn'],
    ],
    [
      'a deadline before a request',
      withSteps(request('2017-03-20', '2017-04-30'), reject('2017-03-21')),
      { originalDueOn: d('2017-03-19') },
      ['BAD_USER_INPUT', 'originalDueOn'],
    ],
    [
      'a deadline on the day of a request',
      withSteps(request('2017-03-20', '2017-04-30'), reject('2017-03-21')),
      { originalDueOn: d('2017-03-20') },
      ['originalDueOn: 2017-03-31 -> 2017-03-20'],
    ],
    [
      'a deadline past a proposal: the request would not extend it',
      withSteps(request('2017-03-20', '2017-04-30'), reject('2017-03-21')),
      { originalDueOn: d('2017-04-30') },
      ['BAD_USER_INPUT', 'originalDueOn'],
    ],
    [
      'a deadline with an approved extension: a later request stays within the extension',
      {
        ...extended,
        steps: [
          ...extended.steps,
          request('2017-04-10', '2017-04-30', LATER_EXTENSION),
          reject('2017-04-11', LATER_EXTENSION),
        ],
      },
      { originalDueOn: d('2017-03-30') },
      ['originalDueOn: 2017-03-31 -> 2017-03-30'],
    ],
    [
      'the deadline removed, with an approved extension',
      extended,
      { originalDueOn: null },
      ['CONFLICT', 'originalDueOn'],
    ],
    [
      'both dates given: the deadline is named',
      withSteps(request('2017-03-20', '2017-04-30'), reject('2017-03-21')),
      { assignedOn: d('2017-03-20'), originalDueOn: d('2017-03-19') },
      ['BAD_USER_INPUT', 'originalDueOn'],
    ],
  ])('%s', (_name, task, correction, expected) => {
    expect(outcome(task, correction)).toEqual(expected);
  });

  it('keeps approved extensions: they still set the deadline in force from their decision dates', () => {
    const result = correctedTask(extended, { originalDueOn: d('2017-03-30') }, TODAY);
    expect(result.corrected).toMatchObject({ originalDueOn: '2017-03-30', dueOn: '2017-04-15' });
    const removed = correctedTask(recorded, { originalDueOn: null }, TODAY);
    expect(removed.corrected).toMatchObject({ originalDueOn: null, dueOn: null });
  });

  it('a deadline corrected as a date is no longer given in working days', () => {
    const inWorkingDays = { ...recorded, deadlineWorkingDays: 10 };
    expect(outcome(inWorkingDays, { originalDueOn: d('2017-03-20') })).toEqual([
      'originalDueOn: 2017-03-31 -> 2017-03-20',
      'deadlineInWorkingDays: 10 -> null',
    ]);
    expect(correctedTask(inWorkingDays, { title: 'x' }, TODAY).corrected?.deadlineWorkingDays).toBe(10);
  });

  it('a step the recorded task already broke does not stop other corrections', () => {
    const old = withSteps(request('2017-04-02', '2017-04-30'), reject('2017-04-03'));
    expect(outcome(old, { title: 'Nhiệm vụ mới' })).toEqual(['title: Nhiệm vụ -> Nhiệm vụ mới']);
  });
});

describe('cleanCorrection', () => {
  const input = (fields: Partial<CorrectTaskInput>) =>
    ({ taskId: LEAD, expectedVersion: 1, reason: 'Nhập sai', ...fields }) as CorrectTaskInput;

  it.each<[string, Partial<CorrectTaskInput>, unknown]>([
    ['a blank reason', { reason: '  ' }, ['BAD_USER_INPUT', 'reason']],
    ['a title on two lines', { title: 'a\nb' }, ['BAD_USER_INPUT', 'title']],
    ['a title too long', { title: 'x'.repeat(501) }, ['BAD_USER_INPUT', 'title']],
    ['a title removed', { title: null }, ['BAD_USER_INPUT', 'title']],
    ['the assignment date removed', { assignedOn: null }, ['BAD_USER_INPUT', 'assignedOn']],
    ['the priority removed', { priority: null }, ['BAD_USER_INPUT', 'priority']],
    [
      'coordinating units given as null',
      { coordinatingOrganisationIds: null },
      ['BAD_USER_INPUT', 'coordinatingOrganisationIds'],
    ],
    [
      'too many coordinating units',
      { coordinatingOrganisationIds: Array.from({ length: 21 }, (_, i) => `${i}`) },
      ['BAD_USER_INPUT', 'coordinatingOrganisationIds'],
    ],
    [
      'a document number on two lines',
      { sourceDocument: { number: '1\n2', kind: 'DECISION' as never, issuedOn: d('2017-01-01') } },
      ['BAD_USER_INPUT', 'sourceDocument.number'],
    ],
    ['the deadline removed', { originalDueOn: null }, 'accepted'],
  ])('%s', (_name, fields, expected) => {
    expect(refusal(() => cleanCorrection(input(fields)))).toEqual(expected);
  });

  it('keeps only the fields given, cleaned; a blank description removes it', () => {
    expect(
      cleanCorrection(
        input({ title: '  Sửa   tiêu đề ', description: ' ', coordinatingOrganisationIds: [OTHER, OTHER] }),
      ),
    ).toEqual({
      reason: 'Nhập sai',
      correction: { title: 'Sửa tiêu đề', description: null, coordinatingOrganisationIds: [OTHER] },
    });
  });
});

describe('the coordination deadline', () => {
  it('is corrected within the assignment and the original deadline, and removed by null', () => {
    const set = correctedTask(recorded, { coordinationDueOn: d('2017-03-20') }, d('2017-12-31'));
    expect(set.changes).toEqual([{ field: 'coordinationDueOn', before: null, after: '2017-03-20' }]);
    const withOne = { ...recorded, fields: { ...recorded.fields, coordinationDueOn: d('2017-03-20') } };
    expect(
      correctedTask(withOne, { coordinationDueOn: null }, d('2017-12-31')).corrected?.coordinationDueOn,
    ).toBeNull();
  });

  it('is refused after the original deadline or before the assignment, naming the field given', () => {
    expect(correctedTask(recorded, { coordinationDueOn: d('2017-04-01') }, d('2017-12-31')).refusal).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'coordinationDueOn',
    });
    expect(correctedTask(recorded, { coordinationDueOn: d('2017-02-28') }, d('2017-12-31')).refusal).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'coordinationDueOn',
    });
    const withOne = { ...recorded, fields: { ...recorded.fields, coordinationDueOn: d('2017-03-20') } };
    expect(correctedTask(withOne, { originalDueOn: d('2017-03-15') }, d('2017-12-31')).refusal).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'originalDueOn',
    });
  });
});
