import { RequestValidators } from './validators';

describe('RequestValidators', () => {
  it('keeps every fetch validator', () => {
    const validators = new RequestValidators();
    validators.record('organisations', { dataVersion: { scope: {}, version: '7' } });
    validators.record('assignments', { dataVersion: { scope: { keys: ['u1'] }, version: 'x' } });
    expect(validators.complete()).toEqual([
      { subgraph: 'organisations', scope: {}, version: '7' },
      { subgraph: 'assignments', scope: { keys: ['u1'] }, version: 'x' },
    ]);
  });

  it('has none once one fetch came without a validator, or a malformed one', () => {
    for (const extensions of [
      undefined,
      {},
      { dataVersion: { version: 7 } },
      { dataVersion: { scope: { keys: 'u1' }, version: 'x' } },
    ]) {
      const validators = new RequestValidators();
      validators.record('organisations', { dataVersion: { scope: {}, version: '7' } });
      validators.record('inspections', extensions);
      expect(validators.complete()).toBeUndefined();
    }
  });

  it('has none without any fetch', () => {
    expect(new RequestValidators().complete()).toBeUndefined();
  });
});
