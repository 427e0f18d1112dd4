import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, Info, Query, Resolver } from 'type-graphql';
import { AppError } from '../../errors';
import type { ApiContext } from '../context';
import { queryConnection } from '../query/run';
import { SEARCH_ORDER, SEARCH_SCORE } from './search.projection';
import { SearchArgs, SearchHitConnection } from './search.type';

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
    return queryConnection(
      ctx,
      'search',
      'SearchHit',
      info,
      SEARCH_ORDER,
      (scope, t) =>
        `CALL db.index.fulltext.queryNodes('entity_text', ${scope.param(query)}) YIELD node AS ${t}, ${SEARCH_SCORE}`,
      { carry: [SEARCH_SCORE] },
    );
  }
}
