/** What every resolver receives: the database door and the request's identity. */
import type { Database } from '../db';
import type { Logger } from '../config';

export interface ApiContext {
  db: Database;
  requestId: string;
  logger: Logger;
}
