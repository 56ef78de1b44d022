// Hive Gateway (the benchmark's peer) serving our committed supergraph.graphql unchanged, over the
// same running subgraphs as our gateway. The subgraphs trust only the short-lived user token our
// gateway mints per request (x-giaoviec-user-token); here the benchmark client signs that token
// itself and the peer forwards it, with the request id, to every subgraph call.
import { defineConfig } from '@graphql-hive/gateway';

const FORWARDED = ['x-giaoviec-user-token', 'x-request-id'];

export const gatewayConfig = defineConfig({
  supergraph: process.env.SUPERGRAPH_PATH,
  // The supergraph names localhost:4001..4003; the benchmark's subgraphs listen on free ports.
  transportEntries: Object.fromEntries(
    ['organisations', 'assignments', 'inspections'].map((name) => [
      name,
      {
        location: process.env[`${name.toUpperCase()}_URL`],
        // On by default: identical subgraph queries in flight at once share one call. Identical
        // means the same user token too, which only a benchmark sends from many connections.
        options: { deduplicateInflightRequests: process.env.PEER_DEDUPLICATE !== 'false' },
      },
    ]),
  ),
  propagateHeaders: {
    fromClientToSubgraphs: ({ request }) =>
      Object.fromEntries(
        FORWARDED.flatMap((header) => {
          const value = request.headers.get(header);
          return value ? [[header, value]] : [];
        }),
      ),
  },
  logging: 'warn',
});
