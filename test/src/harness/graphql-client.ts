import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse, print, type DefinitionNode, type OperationDefinitionNode } from 'graphql';

export interface GraphQLResponse<Data = Record<string, any>> {
  status: number;
  data?: Data | null;
  errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, any> }>;
}

/** A plain HTTP client, as a dashboard would be: POST JSON, read JSON. */
export class GraphQLClient {
  /** `token` is sent as `Authorization: Bearer`; a promise, so that clients can be made synchronously. */
  constructor(
    readonly url: string,
    private readonly token?: Promise<string> | string,
  ) {}

  async request<Data = Record<string, any>>(
    query: string,
    variables: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ): Promise<GraphQLResponse<Data>> {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(this.token ? { authorization: `Bearer ${await this.token}` } : {}),
        ...headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, ...((await response.json()) as object) };
  }

  /** Runs an operation and fails the test on any error. */
  async data<Data = Record<string, any>>(query: string, variables: Record<string, unknown> = {}): Promise<Data> {
    const result = await this.request<Data>(query, variables);
    if (result.errors?.length || !result.data) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
    return result.data;
  }
}

const CONTRACT = join(__dirname, '../../contract/operations');

/** One operation of the client contract, with the fragments it uses, ready to send. */
export function contractOperation(file: string, name: string): string {
  const document = parse(readFileSync(join(CONTRACT, file), 'utf8'));
  const operation = document.definitions.find(
    (definition): definition is OperationDefinitionNode =>
      definition.kind === Kind.OPERATION_DEFINITION && definition.name?.value === name,
  );
  if (!operation) throw new Error(`no operation ${name} in ${file}`);
  const fragments = document.definitions.filter(
    (definition: DefinitionNode) => definition.kind === Kind.FRAGMENT_DEFINITION,
  );
  return print({ kind: Kind.DOCUMENT, definitions: [operation, ...fragments] });
}
