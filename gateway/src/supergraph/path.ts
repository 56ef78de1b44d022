import { resolve } from 'node:path';

/** Where the committed supergraph lives: the repository root. */
export const SUPERGRAPH_PATH = resolve(__dirname, '../../../supergraph.graphql');
