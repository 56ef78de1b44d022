import { MAX_PAGE } from '@giaoviec/shared';
import {
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  Kind,
  getDirectiveValues,
  getNamedType,
  getNullableType,
  getVariableValues,
  isCompositeType,
  isListType,
  valueFromAST,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/** The arguments that say how many items a list returns (the specification's slicing arguments). */
export const SLICING_ARGUMENTS = ['first', 'last', 'limit'] as const;

/**
 * How many items a list without a slicing argument is counted as: `organisations`, a unit's
 * `children` and `inspections`, a task's `history`, an inspection's `conclusions`. Apollo Router's
 * documented `list_size`; at 20, the guide's inspections of a unit with their conclusions and
 * follow-up tasks (three such lists nested) would cost 8,461 and be refused.
 */
export const ASSUMED_LIST_SIZE = 10;

/** A page asked for without a size: counted as the largest ordinary page (lists serve 20 then), never less than it returns. */
export const UNSIZED_PAGE = MAX_PAGE;

/** What every mutation costs before its fields, as in Apollo Router's demand control. */
const MUTATION_COST = 10;

/**
 * The cost of an operation by the GraphQL Cost Directives specification (IBM), with Apollo Router's
 * default weights: 1 for each object, interface or union a field returns, 0 for scalars and enums,
 * no factor for depth, and a list field's cost (its type's weight and its selections) times its
 * size. The size is its slicing argument's value (`first`, `last`, `limit`: written, a variable's
 * value or default, the argument's default), UNSIZED_PAGE if it takes one but is given none, and
 * ASSUMED_LIST_SIZE if it takes none. A field that takes a slicing argument but returns an object,
 * a Relay connection, gives the size to the lists in it (`edges`), as
 * `@listSize(slicingArguments: ["first"], sizedFields: ["edges"])` would (docs/decisions/0021).
 *
 * Counted with the request's variables (a size given as `$n` costs what it costs written out) and
 * fields skipped by `@skip`/`@include`; each fragment is counted once for each list size it is
 * spread under, however often, so that counting takes no longer than reading.
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

  /** The size a field's slicing arguments give, or undefined when it has none or none is given. */
  const slicedSize = (field: GraphQLField<unknown, unknown>, node: FieldNode) => {
    let size: number | undefined;
    for (const name of SLICING_ARGUMENTS) {
      const definition = field.args.find((argument) => argument.name === name);
      if (!definition) continue;
      const written = node.arguments?.find((argument) => argument.name.value === name);
      const value = written ? valueFromAST(written.value, definition.type, variables) : undefined;
      const given = typeof value === 'number' ? value : definition.defaultValue;
      if (typeof given === 'number') size = Math.max(size ?? 0, given);
    }
    return size;
  };

  const skipped = (node: FieldNode) =>
    getDirectiveValues(GraphQLSkipDirective, node, variables)?.if === true ||
    getDirectiveValues(GraphQLIncludeDirective, node, variables)?.if === false;

  const compositeType = (name: string | undefined, fallback?: GraphQLCompositeType) => {
    const type = name === undefined ? fallback : schema.getType(name);
    return type && isCompositeType(type) ? type : undefined;
  };

  /** `listSize`: the size a connection gives the lists directly in it; undefined elsewhere. */
  const selectionsCost = (
    selectionSet: SelectionSetNode,
    parent: GraphQLCompositeType | undefined,
    listSize: number | undefined,
  ): number => {
    let sum = 0;
    for (const selection of selectionSet.selections) {
      switch (selection.kind) {
        case Kind.FIELD:
          sum += fieldCost(selection, parent, listSize);
          break;
        case Kind.INLINE_FRAGMENT:
          sum += selectionsCost(
            selection.selectionSet,
            compositeType(selection.typeCondition?.name.value, parent),
            listSize,
          );
          break;
        case Kind.FRAGMENT_SPREAD: {
          const fragment = fragments[selection.name.value];
          if (!fragment) break;
          const key = `${fragment.name.value} ${listSize ?? ''}`;
          let cost = fragmentCosts.get(key);
          if (cost === undefined) {
            // Validation has refused cycles already; 0 while counting guards against one all the same.
            fragmentCosts.set(key, 0);
            cost = selectionsCost(fragment.selectionSet, compositeType(fragment.typeCondition.name.value), listSize);
            fragmentCosts.set(key, cost);
          }
          sum += cost;
          break;
        }
      }
    }
    return sum;
  };

  const fieldCost = (
    node: FieldNode,
    parent: GraphQLCompositeType | undefined,
    listSize: number | undefined,
  ): number => {
    // `__typename` is free; introspection (`__schema`, `__type`) is refused outside development.
    if (node.name.value.startsWith('__') || skipped(node)) return 0;
    const field = parent && 'getFields' in parent ? parent.getFields()[node.name.value] : undefined;
    // Validation refuses unknown fields before the cost is counted: count their selections only.
    if (!field) return node.selectionSet ? 1 + selectionsCost(node.selectionSet, undefined, undefined) : 0;
    const named = getNamedType(field.type);
    const weight = isCompositeType(named) ? 1 : 0;
    const sliced = slicedSize(field, node);
    const isList = isListType(getNullableType(field.type));
    const sliceable = field.args.some((argument) => SLICING_ARGUMENTS.some((name) => name === argument.name));
    const size = sliced ?? (sliceable ? UNSIZED_PAGE : ASSUMED_LIST_SIZE);
    const count = isList ? (listSize ?? size) : 1;
    // A connection (sliceable, not a list itself) sizes the lists in it; nothing else passes a size on.
    const inner = !isList && sliceable ? size : undefined;
    const selections = node.selectionSet ? selectionsCost(node.selectionSet, compositeType(named.name), inner) : 0;
    return count * (weight + selections);
  };

  const root = schema.getRootType(operation.operation) ?? undefined;
  const base = operation.operation === 'mutation' ? MUTATION_COST : 0;
  return base + selectionsCost(operation.selectionSet, root, undefined);
}
