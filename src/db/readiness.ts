/**
 * Readiness: Neo4j answers and the schema migrations are applied. Checked per request
 * of /readyz, bounded in time, and self-healing: when Neo4j comes back, the next check
 * applies what is missing, so the API serves again without a restart.
 */
import { isAppError } from '../errors';
import type { Database } from './database';
import { applyMigrations, pendingMigrations } from './migrations';

export interface Readiness {
  ready: boolean;
  reason?: string;
}

export async function checkReadiness(db: Database, timeoutMs = 1500): Promise<Readiness> {
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
