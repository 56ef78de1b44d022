import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Kind, getOperationAST, print, separateOperations, type DocumentNode, type OperationTypeNode } from 'graphql';

/** The client contract's operation files (test/contract/operations), from src/ and dist/ alike. */
export const CONTRACT_OPERATIONS_DIR = resolve(__dirname, '../../../test/contract/operations');

/** The `.graphql` files of a folder, full paths in name order. */
export function contractFiles(dir: string = CONTRACT_OPERATIONS_DIR): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.graphql'))
    .sort()
    .map((name) => join(dir, name));
}

/** One entry of a persisted query list, as Apollo's manifests write it. */
export interface PersistedOperation {
  /** sha256 of `body` in hex: what a client sends as `extensions.persistedQuery.sha256Hash`. */
  id: string;
  name: string;
  type: OperationTypeNode;
  body: string;
}

/** Hex sha256, the hash of automatic persisted queries. */
export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Every operation of a document with the fragments it uses, each printed one way: the operation
 * first, then its fragments by name, by graphql-js `print` (no comments, one layout). Two texts of
 * the same operation give the same body, whatever their spacing, comments or fragment order.
 */
export function canonicalOperations(document: DocumentNode): PersistedOperation[] {
  return Object.values(separateOperations(document)).map((separated) => {
    const [operation] = separated.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
    const fragments = separated.definitions
      .filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION)
      .sort((a, b) => a.name.value.localeCompare(b.name.value));
    if (!operation) throw new Error('separateOperations gave a document without its operation');
    const body = print({ kind: Kind.DOCUMENT, definitions: [operation, ...fragments] });
    return { id: sha256(body), name: operation.name?.value ?? '', type: operation.operation, body };
  });
}

/** The canonical body of the operation a request would run, or undefined when it names none. */
export function canonicalOperation(document: DocumentNode, operationName?: string | null): string | undefined {
  const operation = getOperationAST(document, operationName);
  if (!operation) return undefined;
  const fragments = document.definitions.filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION);
  return canonicalOperations({ kind: Kind.DOCUMENT, definitions: [operation, ...fragments] })[0]?.body;
}
