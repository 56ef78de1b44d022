/** The subgraphs of the platform and the ports they listen on by default (contract README, Running). */
export const SUBGRAPHS = [
  { name: 'organisations', defaultPort: 4001 },
  { name: 'assignments', defaultPort: 4002 },
  { name: 'inspections', defaultPort: 4003 },
  { name: 'notifications', defaultPort: 4004 },
] as const;

export type SubgraphName = (typeof SUBGRAPHS)[number]['name'];

/** `ORGANISATIONS_PORT`, `ORGANISATIONS_URL`…: the environment variable of a subgraph's setting. */
export function subgraphVariable(name: SubgraphName, setting: 'PORT' | 'URL'): string {
  return `${name.toUpperCase()}_${setting}`;
}

export function defaultSubgraphPort(name: SubgraphName): number {
  return SUBGRAPHS.find((subgraph) => subgraph.name === name)!.defaultPort;
}
