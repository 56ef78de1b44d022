import { DEFAULT_PAGE } from '@giaoviec/shared';
import {
  Kind,
  getNamedType,
  getVariableValues,
  isCompositeType,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type ArgumentNode,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
  valueFromAST,
} from 'graphql';

/** The arguments that say how many items a list field returns; the supergraph has only `first`. */
export const LIST_SIZE_ARGUMENTS = ['first', 'last', 'limit'] as const;

/** GraphQL Armor's cost model, whose figures the limit (GRAPHQL_MAX_COST) was chosen with. */
const OBJECT_COST = 2;
const SCALAR_COST = 1;
const DEPTH_FACTOR = 1.5;

/**
 * The cost of an operation as GraphQL Armor counts it (2 per object, 1 per scalar, times 1.5 per
 * level, a list's subtree times its size), but with the size a request really asks for: a
 * variable's value or default, the argument's default, and for a paginated field without one the
 * subgraphs' page size (20). Armor reads only sizes written in the query, so `first: $n` cost 1.
 * Each fragment is counted once however often it is spread, as Armor does, so that counting
 * takes no longer than reading.
 */
export function operationCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Readonly<Record<string, FragmentDefinitionNode>>,
  rawVariables: Readonly<Record<string, unknown>> = {},
): number {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables);
  // Variables that do not coerce fail the request later, in execution; count them as absent here.
  const variables = coerced.coerced ?? {};
  const fragmentCosts = new Map<string, number>();

  const listSize = (
    field: GraphQLField<unknown, unknown> | undefined,
    node: { arguments?: readonly ArgumentNode[] },
  ) => {
    let size = 1;
    for (const name of LIST_SIZE_ARGUMENTS) {
      const definition = field?.args.find((argument) => argument.name === name);
      if (!definition) continue;
      const written = node.arguments?.find((argument) => argument.name.value === name);
      const value = written ? valueFromAST(written.value, definition.type, variables) : undefined;
      const given = typeof value === 'number' ? value : definition.defaultValue;
      size = Math.max(size, typeof given === 'number' ? given : DEFAULT_PAGE);
    }
    return size;
  };

  const selectionsCost = (selectionSet: SelectionSetNode, type: GraphQLCompositeType | undefined): number =>
    selectionSet.selections.reduce((sum, selection) => sum + DEPTH_FACTOR * selectionCost(selection, type), 0);

  const compositeType = (name: string | undefined, fallback?: GraphQLCompositeType) => {
    const type = name === undefined ? fallback : schema.getType(name);
    return type && isCompositeType(type) ? type : undefined;
  };

  const selectionCost = (selection: SelectionNode, parent: GraphQLCompositeType | undefined): number => {
    switch (selection.kind) {
      case Kind.FIELD: {
        // Introspection is refused elsewhere outside development; Armor does not count it either.
        if (selection.name.value === '__schema') return 0;
        if (!selection.selectionSet) return SCALAR_COST;
        const field = parent && 'getFields' in parent ? parent.getFields()[selection.name.value] : undefined;
        const type = field ? compositeType(getNamedType(field.type).name) : undefined;
        return (OBJECT_COST + selectionsCost(selection.selectionSet, type)) * listSize(field, selection);
      }
      case Kind.INLINE_FRAGMENT:
        return (
          OBJECT_COST +
          selectionsCost(selection.selectionSet, compositeType(selection.typeCondition?.name.value, parent))
        );
      case Kind.FRAGMENT_SPREAD: {
        const fragment = fragments[selection.name.value];
        if (!fragment) return SCALAR_COST;
        let cost = fragmentCosts.get(fragment.name.value);
        if (cost === undefined) {
          // Validation has refused cycles already; 0 while counting guards against one all the same.
          fragmentCosts.set(fragment.name.value, 0);
          cost = OBJECT_COST + selectionsCost(fragment.selectionSet, compositeType(fragment.typeCondition.name.value));
          fragmentCosts.set(fragment.name.value, cost);
        }
        return SCALAR_COST + DEPTH_FACTOR * cost;
      }
    }
  };

  const root = schema.getRootType(operation.operation) ?? undefined;
  return operation.selectionSet.selections.reduce((sum, selection) => sum + selectionCost(selection, root), 0);
}
