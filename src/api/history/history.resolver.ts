/**
 * What the graph said about an entity, and who let each change in: journalists and lawyers cite
 * the graph and must be able to show what it held on the day they cited it.
 */
import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { AppError } from '../../errors';
import { roleAllows } from '../auth/api-keys';
import type { ApiContext } from '../context';
import { EntityHistory } from './entity-history.type';
import type { EntityVersion } from './entity-version.type';
import { changedFields, changeOf, readHistory } from './history.store';

@Resolver()
export class HistoryResolver {
  @Query(() => EntityHistory, {
    description:
      'Every state the graph has held of an entity (a practice, plan, incident, source...), newest first: when, the write that recorded it and why, and the fields it changed. Key ids are shown to curators and admins.',
  })
  async history(
    @Arg('id', () => ID, {
      description: 'The entity id, e.g. "mistral-le-chat-free-training-2025".',
    })
    id: string,
    @Ctx() ctx: ApiContext,
  ): Promise<EntityHistory> {
    const stored = await readHistory(ctx.db, id);
    if (!stored) throw new AppError('NOT_FOUND', `no entity with id "${id}"`, { argument: 'id' });
    const seesKeys = ctx.principal !== null && roleAllows(ctx.principal.role, 'curator');
    const versions: EntityVersion[] = stored.states.map((state, i) => {
      const before = stored.states[i - 1];
      return {
        recordedFrom: state.recordedFrom,
        recordedUntil: state.recordedUntil,
        current: i === stored.states.length - 1,
        change: changeOf(state, before),
        changedFields: before ? changedFields(before.entry, state.entry) : [],
        operation: state.operation,
        source: state.source,
        keyId: seesKeys ? state.keyId : null,
        entry: state.entry,
      };
    });
    return { id, label: stored.label, versions: versions.reverse() };
  }
}
