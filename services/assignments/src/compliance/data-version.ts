import { keyedVersion, type DataScope, type DataVersionSource, type VersionedRequest } from '@giaoviec/shared';
import { Kind, valueFromASTUntyped, type FieldNode, type SelectionNode, type SelectionSetNode } from 'graphql';
import type { DataSource } from 'typeorm';
import type { AssignmentContext } from '../context';
import { readUnitTaskVersions } from './figures-cache';

/**
 * The units of a gateway `_entities` fetch that asks of each unit (`Organisation`) only its
 * `compliance` figures (and `id`, `__typename`): nothing else in such an answer can change without
 * bumping a unit's task version. Undefined for any other request: it gets no validator.
 * `includePredecessors: true` reads the lineage from the organisations subgraph: not covered.
 */
export function unitsAskedOnlyFigures(request: Omit<VersionedRequest<unknown>, 'context'>): string[] | undefined {
  const { operation, variables } = request;
  const [entities, ...others] = operation.selectionSet.selections;
  if (others.length || entities?.kind !== Kind.FIELD || entities.name.value !== '_entities') return undefined;
  if (!entities.selectionSet || !onlyFiguresOfUnits(entities.selectionSet, variables)) return undefined;
  const argument = entities.arguments?.find((each) => each.name.value === 'representations');
  const representations: unknown = argument && valueFromASTUntyped(argument.value, variables);
  if (!Array.isArray(representations)) return undefined;
  const ids: string[] = [];
  for (const each of representations as unknown[]) {
    const { __typename, id, ...rest } = (each ?? {}) as Record<string, unknown>;
    if (__typename !== 'Organisation' || typeof id !== 'string' || Object.keys(rest).length) return undefined;
    ids.push(id);
  }
  return ids;
}

const isTypename = (selection: SelectionNode) => selection.kind === Kind.FIELD && selection.name.value === '__typename';

function onlyFiguresOfUnits(selectionSet: SelectionSetNode, variables: Record<string, unknown>): boolean {
  return selectionSet.selections.every(
    (selection) =>
      isTypename(selection) ||
      (selection.kind === Kind.INLINE_FRAGMENT &&
        selection.typeCondition?.name.value === 'Organisation' &&
        selection.selectionSet.selections.every(
          (field) =>
            isTypename(field) ||
            (field.kind === Kind.FIELD && field.name.value === 'id' && !field.selectionSet) ||
            (field.kind === Kind.FIELD && field.name.value === 'compliance' && isFiguresOnly(field, variables)),
        )),
  );
}

/** `compliance` without predecessors, and only scalar fields of ComplianceFigures under it. */
function isFiguresOnly(field: FieldNode, variables: Record<string, unknown>): boolean {
  const predecessors = field.arguments?.find((each) => each.name.value === 'includePredecessors');
  if (predecessors && valueFromASTUntyped(predecessors.value, variables) !== false) return false;
  return field.selectionSet?.selections.every((each) => each.kind === Kind.FIELD && !each.selectionSet) ?? false;
}

/**
 * The assignments subgraph's validators: a units-only figures fetch is versioned by the digest of
 * its units' task versions as the figures cache read them before computing (no statement of its
 * own); the route reads the same versions in one statement.
 */
export const assignmentsDataVersions: DataVersionSource<AssignmentContext> = {
  validator(request) {
    const units = unitsAskedOnlyFigures(request);
    if (!units) return undefined;
    const read = request.context.loaders.unitTaskVersions;
    const version = keyedVersion(units, (id) => read.get(id));
    return version === undefined ? undefined : { scope: { keys: [...new Set(units)].sort() }, version };
  },
  async current(db: DataSource, scopes: readonly DataScope[]) {
    const versions = await readUnitTaskVersions(db, [...new Set(scopes.flatMap((scope) => scope.keys ?? []))]);
    return scopes.map((scope) => keyedVersion(scope.keys ?? [], (id) => versions.get(id) ?? '0') ?? '');
  },
};
