export {
  Database,
  createDriver,
  mapDriverError,
  type DatabaseSettings,
  type Params,
  type Row,
} from './database';
export { type Shelf } from './kept-answers';
export { QueryTally } from './query-count';
export { bookmarkChain, MAX_BOOKMARKS, parseBookmarks } from './bookmarks';
export { toPlain, type Plain } from './values';
export { applyMigrations, pendingMigrations, type MigrationReport } from './migrations';
export { checkReadiness, type Dependency, type Readiness } from './readiness';
