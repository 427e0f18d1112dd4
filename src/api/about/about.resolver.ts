import { Ctx, Query, Resolver } from 'type-graphql';
import type { ApiContext } from '../context';
import { nodeCounts } from './about.store';
import { About } from './about.type';
import { VERSION } from '../../config';

@Resolver(() => About)
export class AboutResolver {
  @Query(() => About, { description: 'The API version and the size of the graph.' })
  async about(@Ctx() ctx: ApiContext): Promise<About> {
    return { version: VERSION, nodeCounts: await nodeCounts(ctx.db) };
  }
}
