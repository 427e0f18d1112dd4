/** What every resolver receives: the database door, who is calling, and the event bus. */
import type { Database, QueryTally } from '../db';
import type { Logger } from '../config';
import type { Principal } from './auth/api-keys';
import type { Events } from './events';

export interface ApiContext {
  /** The door for this request: it counts its queries in `queries`. */
  db: Database;
  queries: QueryTally;
  requestId: string;
  logger: Logger;
  /** The caller's key, or null for an anonymous caller. */
  principal: Principal | null;
  /** A presented key that did not check out; every operation then answers UNAUTHENTICATED. */
  authError: Error | null;
  /** Whether anonymous callers may read. */
  publicReads: boolean;
  events: Events;
}
