import { Directive, Field, ObjectType } from 'type-graphql';
import { BadUserInputError } from '../errors';
import { DEFAULT_PAGE, MAX_PAGE } from './page-sizes';

export { DEFAULT_PAGE, MAX_PAGE };

/** Checks `first`: 1 to 100, 20 when absent. */
export function pageSize(first: number | null | undefined): number {
  const size = first ?? DEFAULT_PAGE;
  if (size < 1 || size > MAX_PAGE) throw new BadUserInputError(`first must be between 1 and ${MAX_PAGE}`, 'first');
  return size;
}

/** A cursor: the sort key of the last item of a page, opaque to clients. */
export function encodeCursor(key: readonly string[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** The sort key in a cursor this API gave, each part checked; BAD_USER_INPUT otherwise. */
export function decodeCursor(text: string, parts: ReadonlyArray<(part: string) => boolean>): string[] {
  try {
    const key: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (
      Array.isArray(key) &&
      key.length === parts.length &&
      key.every((part, index) => typeof part === 'string' && parts[index]!(part))
    ) {
      return key as string[];
    }
  } catch {
    // falls through to the error below
  }
  throw new BadUserInputError('after is not a cursor this API gave', 'after');
}

/** Where a page of a list ends (Relay). The same in every subgraph that pages. */
@Directive('@shareable')
@ObjectType('PageInfo', { description: 'Where a page of a list ends (Relay connections).' })
export class PageInfo {
  @Field({ description: 'Whether more items follow.' })
  hasNextPage: boolean;

  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page.' })
  endCursor: string | null;
}
