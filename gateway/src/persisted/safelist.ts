import type { ApolloServerPlugin } from '@apollo/server';
import { DomainError, ErrorCode } from '@giaoviec/shared';
import { parse, type DocumentNode } from 'graphql';
import { readFileSync } from 'node:fs';

import { canonicalOperation, canonicalOperations, sha256, type PersistedOperation } from './operations';

export const MANIFEST_FORMAT = 'apollo-persisted-query-manifest';

/** Apollo's persisted query list format, which `npm run safelist` writes. */
export interface PersistedQueryManifest {
  format: typeof MANIFEST_FORMAT;
  version: 1;
  operations: PersistedOperation[];
}

/**
 * The operations a production gateway runs (`OPERATION_SAFELIST`), and nothing else. Requests are
 * compared by their canonical form (operations.ts), so a client's spacing, comments or fragment
 * order does not matter; a listed operation may also be sent by its id alone.
 */
export class OperationSafelist {
  private readonly bodiesById = new Map<string, string>();
  private readonly canonicalBodies = new Set<string>();
  /** Hashes of the listed texts as written: most requests match here, without printing. */
  private readonly writtenHashes = new Set<string>();

  constructor(entries: Iterable<{ id: string; body: string }>) {
    for (const { id, body } of entries) {
      this.bodiesById.set(id, body);
      this.writtenHashes.add(sha256(body));
      for (const operation of canonicalOperations(parse(body))) this.canonicalBodies.add(operation.body);
    }
    if (this.bodiesById.size === 0) throw new Error('The operation safelist is empty');
  }

  /**
   * From a manifest: Apollo's persisted query list (`{ format, version, operations: [{ id, body }] }`)
   * or a plain map of id to operation text.
   */
  static fromManifest(manifest: unknown): OperationSafelist {
    if (typeof manifest !== 'object' || manifest === null) throw new Error('The safelist is not a JSON object');
    if ('format' in manifest) {
      const { format, version, operations } = manifest as Partial<PersistedQueryManifest>;
      if (format !== MANIFEST_FORMAT || version !== 1 || !Array.isArray(operations))
        throw new Error(`The safelist is not an ${MANIFEST_FORMAT} version 1`);
      return new OperationSafelist(operations);
    }
    return new OperationSafelist(
      Object.entries(manifest).map(([id, body]) => {
        if (typeof body !== 'string') throw new Error(`The safelist entry ${id} is not an operation text`);
        return { id, body };
      }),
    );
  }

  static load(path: string): OperationSafelist {
    try {
      return OperationSafelist.fromManifest(JSON.parse(readFileSync(path, 'utf8')));
    } catch (error) {
      throw new Error(`Cannot read the operation safelist ${path}: ${(error as Error).message}`);
    }
  }

  /** The text listed under a persisted query id. */
  body(id: string): string | undefined {
    return this.bodiesById.get(id);
  }

  allows(document: DocumentNode, operationName: string | null | undefined): boolean {
    const body = canonicalOperation(document, operationName);
    return body !== undefined && this.canonicalBodies.has(body);
  }

  /** Whether a request's text (by its sha256) is one of the listed texts exactly. */
  listsText(queryHash: string): boolean {
    return this.writtenHashes.has(queryHash);
  }
}

/**
 * Refuses, once the operation is known and before anything runs, every operation the safelist
 * does not hold: OPERATION_NOT_ALLOWED, HTTP 400.
 */
export function safelistPlugin<Context extends object>(safelist: OperationSafelist): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ queryHash, document, request }) {
          if (safelist.listsText(queryHash) || safelist.allows(document, request.operationName)) return;
          throw new DomainError(ErrorCode.OPERATION_NOT_ALLOWED, 'This operation is not in the list this API runs', {
            http: { status: 400 },
          });
        },
      };
    },
  };
}
