/**
 * Readiness: Neo4j answers and the schema migrations are applied, and Redis answers when the
 * replicas share one (REDIS_URL). Checked per request of /readyz, bounded in time, and
 * self-healing: when Neo4j comes back, the next check applies what is missing, so the API
 * serves again without a restart (the Redis connections reconnect by themselves).
 */
import { isAppError } from '../errors';
import type { Database } from './database';
import { applyMigrations, pendingMigrations } from './migrations';

export interface Readiness {
  ready: boolean;
  reason?: string;
}

/** Another service the API needs, such as Redis: resolves when it answers. */
export interface Dependency {
  name: string;
  ping(): Promise<void>;
}

/** Neo4j and every dependency, checked at once; the reasons of all that fail, joined. */
export async function checkReadiness(
  db: Database,
  timeoutMs = 1500,
  dependencies: readonly Dependency[] = [],
): Promise<Readiness> {
  const results = await Promise.all([
    checkNeo4j(db, timeoutMs),
    ...dependencies.map((d) => checkDependency(d, timeoutMs)),
  ]);
  const reasons = results.filter((r) => !r.ready).map((r) => r.reason);
  return reasons.length === 0 ? { ready: true } : { ready: false, reason: reasons.join('; ') };
}

async function checkDependency(dependency: Dependency, timeoutMs: number): Promise<Readiness> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      dependency.ping(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return { ready: true };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ready: false, reason: `${dependency.name} is not available: ${reason}` };
  } finally {
    clearTimeout(timer);
  }
}

async function checkNeo4j(db: Database, timeoutMs: number): Promise<Readiness> {
  const check = async (): Promise<Readiness> => {
    await db.ping();
    let pending = await pendingMigrations(db);
    if (pending.length > 0) {
      await applyMigrations(db);
      pending = await pendingMigrations(db);
    }
    return pending.length === 0
      ? { ready: true }
      : { ready: false, reason: `migrations not applied: ${pending.join(', ')}` };
  };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Readiness>((resolve) => {
    timer = setTimeout(
      () => resolve({ ready: false, reason: `Neo4j did not answer within ${timeoutMs} ms` }),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([check(), timeout]);
  } catch (error) {
    const reason = isAppError(error)
      ? error.message
      : error instanceof Error
        ? error.message
        : String(error);
    return { ready: false, reason: `Neo4j is not available: ${reason}` };
  } finally {
    clearTimeout(timer);
  }
}
