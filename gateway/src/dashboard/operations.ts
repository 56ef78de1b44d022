import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { Kind, parse, visit, type DefinitionNode, type DocumentNode } from 'graphql';
import { CONTRACT_OPERATIONS_DIR, contractFiles } from '../persisted/operations';

export { CONTRACT_OPERATIONS_DIR };

/** One read-only operation of the contract, as a client sends it. */
export interface ContractQuery {
  /** The file it comes from, e.g. `compliance.graphql`. */
  file: string;
  /** The operation's text exactly as written in the file, then each fragment it uses. */
  text: string;
}

/**
 * Every query of the contract by name, each with the fragments it uses (transitively), cut from
 * the files' own text so that what the dashboard sends is the contract word for word. Mutations
 * are left out: the dashboard only reads.
 */
export function contractQueries(dir: string = CONTRACT_OPERATIONS_DIR): Record<string, ContractQuery> {
  const queries: Record<string, ContractQuery> = {};
  for (const path of contractFiles(dir)) {
    const file = basename(path);
    const source = readFileSync(path, 'utf8');
    const document = parse(source);
    const textOf = (definition: DefinitionNode) => source.slice(definition.loc?.start, definition.loc?.end);
    for (const definition of document.definitions) {
      if (definition.kind !== Kind.OPERATION_DEFINITION || definition.operation !== 'query') continue;
      const name = definition.name?.value;
      if (!name) continue;
      if (queries[name]) throw new Error(`the contract defines ${name} twice (${queries[name].file}, ${file})`);
      const fragments = fragmentsUsed(document, definition);
      queries[name] = { file, text: [definition, ...fragments].map(textOf).join('\n\n') + '\n' };
    }
  }
  return queries;
}

/** The fragment definitions of `document` that `root` spreads, directly or through other fragments. */
function fragmentsUsed(document: DocumentNode, root: DefinitionNode): DefinitionNode[] {
  const byName = new Map(
    document.definitions.flatMap((definition) =>
      definition.kind === Kind.FRAGMENT_DEFINITION ? [[definition.name.value, definition] as const] : [],
    ),
  );
  const used = new Map<string, DefinitionNode>();
  const walk = (node: DefinitionNode) =>
    visit(node, {
      FragmentSpread(spread) {
        const fragment = byName.get(spread.name.value);
        if (!fragment) throw new Error(`fragment ${spread.name.value} is not defined in its file`);
        if (used.has(spread.name.value)) return;
        used.set(spread.name.value, fragment);
        walk(fragment);
      },
    });
  walk(root);
  return [...used.values()];
}
