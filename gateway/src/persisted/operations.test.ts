import { parse } from 'graphql';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { safelistManifest } from './generate-safelist';
import { canonicalOperation, canonicalOperations, contractFiles, sha256 } from './operations';

const WRITTEN = `
# A comment
fragment Unit on Organisation { id code }
query Units { organisations { ...Unit parent { ...Parent } } }
fragment Parent on Organisation { code }
query Other { organisations { id } }
`;

describe('canonical operations', () => {
  it('prints one operation with the fragments it uses, fragments by name, whatever the layout', () => {
    const [units, other] = canonicalOperations(parse(WRITTEN));
    expect(units?.name).toBe('Units');
    expect(units?.body.indexOf('query Units')).toBe(0);
    expect(units?.body.indexOf('fragment Parent')).toBeLessThan(units?.body.indexOf('fragment Unit') ?? -1);
    expect(units?.id).toBe(sha256(units?.body ?? ''));
    expect(other?.body).not.toContain('fragment');
    const respaced = `query Units{organisations{...Unit,parent{...Parent}}}fragment Parent on Organisation{code}
      fragment Unit on Organisation{id,code}`;
    expect(canonicalOperation(parse(respaced))).toBe(units?.body);
    expect(canonicalOperation(parse(WRITTEN), 'Other')).toBe(other?.body);
  });

  it('names no operation when a document has several and the request chooses none', () => {
    expect(canonicalOperation(parse(WRITTEN))).toBeUndefined();
    expect(canonicalOperation(parse(WRITTEN), 'Missing')).toBeUndefined();
  });
});

describe('safelistManifest', () => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'giaoviec-safelist-'));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('lists every contract operation by name, plus those of the files given', () => {
    const extra = join(folder, 'dashboard.graphql');
    writeFileSync(extra, WRITTEN);
    const manifest = safelistManifest([extra]);
    expect(manifest).toMatchObject({ format: 'apollo-persisted-query-manifest', version: 1 });
    const names = manifest.operations.map((operation) => operation.name);
    expect(names).toEqual(expect.arrayContaining(['Organisations', 'CreateOrganisation', 'Units', 'Other']));
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    const contract = contractFiles().flatMap((file) => canonicalOperations(parse(readFileSync(file, 'utf8'))));
    expect(manifest.operations).toHaveLength(contract.length + 2);
  });

  it('refuses anonymous operations and two different operations under one name', () => {
    const anonymous = join(folder, 'anonymous.graphql');
    writeFileSync(anonymous, '{ organisations { id } }');
    expect(() => safelistManifest([anonymous])).toThrow(/name every operation/);
    const clash = join(folder, 'clash.graphql');
    writeFileSync(clash, 'query Organisations { organisations { id } }');
    expect(() => safelistManifest([clash])).toThrow(/Organisations is defined differently/);
  });
});
