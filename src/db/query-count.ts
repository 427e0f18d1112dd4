/**
 * Counts the Cypher queries issued on behalf of one request, so that tests (and logs)
 * can see that a request costs a bounded number of round trips.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

interface QueryTally {
  count: number;
  names: string[];
}

const storage = new AsyncLocalStorage<QueryTally>();

/** Runs `work` in a fresh tally without waiting for it (for middleware chains). */
export function startQueryTally(work: () => void): void {
  storage.run({ count: 0, names: [] }, work);
}

export function recordQuery(name: string): void {
  const tally = storage.getStore();
  if (tally) {
    tally.count += 1;
    tally.names.push(name);
  }
}

export function currentTally(): QueryTally | undefined {
  return storage.getStore();
}
