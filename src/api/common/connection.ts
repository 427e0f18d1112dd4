/**
 * Relay connections: every list that can grow is paginated with `first`/`after`,
 * keyset cursors, `pageInfo` and `totalCount`.
 */
import { ArgsType, type ClassType, Field, Int, ObjectType } from 'type-graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../translate/cursor';

@ObjectType({ description: 'Where a page stands in its list.', simpleResolvers: true })
export class PageInfo {
  @Field({ description: 'True when more items follow this page.' })
  hasNextPage!: boolean;

  @Field({ description: 'True when this page was asked for with a cursor.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'The cursor of the first item of the page.' })
  startCursor!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The cursor of the last item: pass it as `after` for the next page.',
  })
  endCursor!: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    nullable: true,
    defaultValue: DEFAULT_PAGE_SIZE,
    description: `How many items to return, 1 to ${MAX_PAGE_SIZE}.`,
  })
  first?: number;

  @Field(() => String, {
    nullable: true,
    description: 'Return the items after this cursor (an `endCursor`).',
  })
  after?: string | null;
}

/**
 * Makes `<Name>Connection` and `<Name>Edge` for a node type. The node type comes as a thunk:
 * entity types refer to each other in cycles, and a connection may be declared before its node.
 */
export function Connection<T extends object>(
  node: () => ClassType<T>,
  name: string,
  what: string,
  /** An abstract @ObjectType whose fields the connection adds (a question's facets). */
  base: ClassType = class {},
) {
  @ObjectType(`${name}Edge`, {
    description: `One ${what} in a page, with its cursor.`,
    simpleResolvers: true,
  })
  class Edge {
    @Field({ description: 'Pass as `after` to continue after this item.' })
    cursor!: string;

    @Field(node, { description: `The ${what}.` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${what}s.`, simpleResolvers: true })
  class ConnectionClass extends base {
    @Field(() => Int, { description: `How many ${what}s the whole list has.` })
    totalCount!: number;

    @Field(() => [Edge], { description: 'The items of the page, each with its cursor.' })
    edges!: Edge[];

    @Field(() => [node()], { description: 'The items of the page, without cursors.' })
    nodes!: T[];

    @Field(() => PageInfo, {
      description: 'Whether more items follow, and the cursor to pass as `after` for them.',
    })
    pageInfo!: PageInfo;
  }
  return ConnectionClass;
}
