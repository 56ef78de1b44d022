import { Supergraph } from '@apollo/federation-internals';
import { Kind, parse, validate, type DocumentNode } from 'graphql';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { composeSupergraph } from './compose';
import { SUPERGRAPH_PATH } from './path';

const CONTRACT = resolve(__dirname, '../../../test/contract');
/** Contract files whose domain has landed (contract README): each of their operations must validate. */
const DUE = ['organisations.graphql', 'tasks.graphql', 'compliance.graphql', 'inspections.graphql', 'history.graphql'];

describe('the committed supergraph', () => {
  it('is what composing the subgraphs gives now, without errors', async () => {
    const { supergraphSdl } = await composeSupergraph();
    expect(readFileSync(SUPERGRAPH_PATH, 'utf8')).toBe(supergraphSdl);
  });

  const api = Supergraph.build(readFileSync(SUPERGRAPH_PATH, 'utf8')).apiSchema().toGraphQLJSSchema();
  const operationsOf = (file: string) => {
    const document = parse(readFileSync(join(CONTRACT, 'operations', file), 'utf8'));
    const fragments = document.definitions.filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION);
    return document.definitions.flatMap((definition) =>
      definition.kind === Kind.OPERATION_DEFINITION
        ? [
            [
              definition.name!.value,
              { kind: Kind.DOCUMENT, definitions: [definition, ...fragments] } as DocumentNode,
            ] as const,
          ]
        : [],
    );
  };

  it.each(DUE.flatMap((file) => operationsOf(file).map(([name, document]) => [file, name, document] as const)))(
    'validates the contract operation %s %s',
    (_file, _name, document) => {
      const errors = validate(api, document).filter((error) => !/Fragment "\w+" is never used/.test(error.message));
      expect(errors.map((error) => error.message)).toEqual([]);
    },
  );

  it('tells an invalid operation apart (the check can fail)', () => {
    expect(validate(api, parse('{ organisations { noSuchField } }'))).toHaveLength(1);
  });
});

describe('the vendored copy of the client contract', () => {
  const upstream = resolve(__dirname, '../../../../shared/contract');
  (existsSync(upstream) ? it : it.skip)('matches ../shared/contract when it is there', () => {
    for (const file of readdirSync(join(upstream, 'operations'))) {
      expect([file, readFileSync(join(CONTRACT, 'operations', file), 'utf8')]).toEqual([
        file,
        readFileSync(join(upstream, 'operations', file), 'utf8'),
      ]);
    }
  });
});
