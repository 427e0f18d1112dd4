import Cypher from '@neo4j/cypher-builder';
import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, Info, Query, Resolver } from 'type-graphql';
import { AppError } from '../../errors';
import type { ApiContext } from '../context';
import type { OrderKey } from '../translate/projection';
import { queryConnection } from '../translate/root-query';
import { SearchArgs, SearchHitConnection } from './search.type';
import { asKnownAt } from '../common/known-at';
/**
 * Turns free text into a Lucene query that cannot fail to parse: punctuation and symbols
 * split words, and every word is matched as a term or a prefix, all words required.
 */
export function luceneQuery(text: string): string {
  const words = text
    .normalize('NFKC')
    .split(/[\s\p{P}\p{S}\p{C}]+/u)
    .filter((w) => w.length > 0)
    // Lower case: the index is case-insensitive, and AND, OR, NOT are operators only in upper case.
    .map((w) => w.toLowerCase())
    .slice(0, 20);
  return words.map((w) => `(${w} OR ${w}*)`).join(' AND ');
}

@Resolver()
export class SearchResolver {
  @Query(() => SearchHitConnection, {
    description:
      'Full-text search over companies, products, plans, practices, incidents, authorities, parties, provisions and purposes.',
  })
  async search(
    @Args() args: SearchArgs,
    @Ctx() ctx: ApiContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<unknown> {
    if (args.text.length > 200)
      throw new AppError(
        'BAD_USER_INPUT',
        `"text" is at most 200 characters, got ${args.text.length}`,
        { argument: 'text' },
      );
    const query = luceneQuery(args.text);
    if (query === '')
      throw new AppError('BAD_USER_INPUT', '"text" needs at least one word to search for', {
        argument: 'text',
      });
    // The score stays a variable beside the node: sorting 3,000 candidates on a map built for
    // each cost Neo4j a third of a millisecond more than sorting on the variables themselves.
    const score = new Cypher.Variable();
    const order: OrderKey[] = [
      { expr: () => score, direction: 'DESC', kind: 'number' },
      { expr: (t) => t.property('id'), direction: 'ASC', kind: 'string' },
    ];
    return asKnownAt(ctx, args.knownAt, (at) =>
      queryConnection(
        at,
        'search',
        info,
        order,
        (node) =>
          new Cypher.Procedure('db.index.fulltext.queryNodes', [
            new Cypher.Literal('entity_text'),
            new Cypher.Param(query),
          ]).yield(['node', node], ['score', score]),
        // The total counts every match of the text: kept until the graph changes.
        { carry: [score], bindings: { score }, inputs: args, keep: 'answer' },
      ),
    );
  }
}
