import { Supergraph } from '@apollo/federation-internals';
import {
  Kind,
  buildSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedScalarType,
  parse,
  validate,
  type DocumentNode,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { composeSupergraph } from './compose';
import { SUPERGRAPH_PATH } from './path';

const CONTRACT = resolve(__dirname, '../../../test/contract');
/** Contract files whose domain has landed (contract README): each of their operations must validate. */
const DUE = [
  'organisations.graphql',
  'tasks.graphql',
  'compliance.graphql',
  'inspections.graphql',
  'history.graphql',
  'events.graphql',
  'corrections.graphql',
  'follow-up.graphql',
  'coordination.graphql',
  'reports.graphql',
  'webhooks.graphql',
  'notifications.graphql',
];

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

  it('describes every type, field, argument and enum value: the schema is the documentation', () => {
    expect(undescribed(api)).toEqual([]);
    expect(undescribed(buildSchema('"A type." type Query { "A field." a(x: Int): Int }'))).toEqual(['Query.a(x)']);
  });

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

/** What in a schema has no description; the root types are left out (composition names them). */
function undescribed(schema: GraphQLSchema): string[] {
  const roots = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]);
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type) || isSpecifiedScalarType(type)) continue;
    if (!type.description && !roots.has(type as GraphQLObjectType)) missing.push(type.name);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (!field.description) missing.push(`${type.name}.${field.name}`);
        for (const argument of 'args' in field ? field.args : []) {
          if (!argument.description) missing.push(`${type.name}.${field.name}(${argument.name})`);
        }
      }
    }
    if (isEnumType(type)) {
      for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
    }
  }
  return missing;
}
