import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'graphql';

import { CONTRACT_OPERATIONS_DIR, contractQueries } from './operations';

describe('contractQueries', () => {
  it('gives every query of the contract word for word, with the fragments it uses, and no mutation', () => {
    const queries = contractQueries();
    const source = readFileSync(join(CONTRACT_OPERATIONS_DIR, 'compliance.graphql'), 'utf8');
    const leadership = queries.LeadershipCompliance!;
    expect(leadership.file).toBe('compliance.graphql');
    // Cut from the file, not reprinted: the operation and then its fragment, as written.
    const operationText = leadership.text.slice(0, leadership.text.indexOf('\n\nfragment Figures'));
    expect(source).toContain(operationText);
    expect(leadership.text).toContain('fragment Figures on ComplianceFigures');
    expect(parse(leadership.text).definitions).toHaveLength(2);
    expect(Object.keys(queries)).toEqual(
      expect.arrayContaining(['LeadershipCompliance', 'ProvinceCompliance', 'OverdueTasks', 'UnitInspections']),
    );
    expect(queries.AssignTask).toBeUndefined();
    expect(queries.OverdueTasks!.text).not.toContain('fragment');
  });

  it('follows fragments through fragments, and refuses a name defined twice', () => {
    const dir = mkdtempSync(join(tmpdir(), 'contract-'));
    try {
      writeFileSync(
        join(dir, 'a.graphql'),
        'query A { ...Outer }\nfragment Outer on Query { ...Inner }\nfragment Inner on Query { __typename }\nfragment Unused on Query { __typename }\n',
      );
      const text = contractQueries(dir).A!.text;
      expect(text).toContain('fragment Outer');
      expect(text).toContain('fragment Inner');
      expect(text).not.toContain('Unused');
      writeFileSync(join(dir, 'b.graphql'), 'query A { __typename }\n');
      expect(() => contractQueries(dir)).toThrow('the contract defines A twice');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
