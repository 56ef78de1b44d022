import { contractOperation } from './graphql-client';
import type { TestStack } from './stack';

const CREATE_UNIT = contractOperation('organisations.graphql', 'CreateOrganisation');

/** Creates departments by code and name (as the Office); their ids by code. */
export async function createDepartments(
  stack: TestStack,
  departments: ReadonlyArray<readonly [code: string, name: string]>,
): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (const [code, name] of departments) {
    const { createOrganisation } = await stack.gateway.client.data<any>(CREATE_UNIT, {
      input: { code, name, kind: 'DEPARTMENT' },
    });
    ids[code] = createOrganisation.id as string;
  }
  return ids;
}
