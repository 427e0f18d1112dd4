/**
 * `knownAt`: a question answered as the graph said it at an instant, before the corrections,
 * updates and retractions recorded since. `asOf` is when the facts held in the world (valid
 * time); `knownAt` is when the graph knew them (recorded time).
 */
import { DateTimeResolver } from 'graphql-scalars';
import { Arg, Field } from 'type-graphql';
import { AppError } from '../../errors';
import { rewind, transactionRunner } from '../../graph';
import type { ApiContext } from '../context';

const KNOWN_AT =
  'Answer as the graph said it at this instant: what it had recorded then, without the changes and retractions recorded since (see `history`). Default: now. `asOf` is when facts held in the world; `knownAt` is when the graph knew them.';

/** The `knownAt` argument of a question, described once. */
export const KnownAtField = (): PropertyDecorator =>
  Field(() => DateTimeResolver, { nullable: true, description: KNOWN_AT });

/** The `knownAt` argument of a question that takes single arguments (`@Arg`). */
export const KnownAtArg = (): ReturnType<typeof Arg> =>
  Arg('knownAt', () => DateTimeResolver, { nullable: true, description: KNOWN_AT });

/** As long as the rules may take (findings.store.ts), plus the rewind. */
const KNOWN_AT_TIMEOUT_MS = 90_000;

/**
 * Answers with the graph as it was known at `knownAt`: the rewind and the question run in one
 * transaction that is rolled back (src/graph/rewind.ts). Without `knownAt`, or with an instant
 * not in the past, the question runs as it always does.
 */
export async function asKnownAt<T>(
  ctx: ApiContext,
  knownAt: Date | null | undefined,
  answer: (ctx: ApiContext) => Promise<T>,
): Promise<T> {
  if (!knownAt || knownAt.getTime() >= Date.now()) return answer(ctx);
  const at = knownAt.toISOString();
  try {
    return await ctx.db.inRolledBackTransaction(
      'knownAt',
      async (tx, reads) => {
        await rewind(transactionRunner(tx), at);
        return answer({ ...ctx, db: reads });
      },
      KNOWN_AT_TIMEOUT_MS,
    );
  } catch (error) {
    throw asKnownThen(error, at);
  }
}

/**
 * An id the graph did not hold at `knownAt` may be one it holds now: the error says when it
 * was unknown, and `extensions.knownAt` gives the instant.
 */
function asKnownThen(error: unknown, at: string): unknown {
  if (!(error instanceof AppError) || error.code !== 'NOT_FOUND') return error;
  return new AppError('NOT_FOUND', `${error.message} as known at ${at}`, {
    ...error.extensions,
    knownAt: at,
  });
}
