/**
 * Causal consistency on a cluster: the transactions of one request chain through a bookmark
 * manager, so that a read after a write (recordPractice reading back what it wrote, findings
 * computed after a write) sees the write even when routed to a follower. A request may start
 * from a client's bookmarks (a write made through another replica) and hands back the ones it
 * ends with: the HTTP endpoint carries them in the `neo4j-bookmarks` header, both ways.
 *
 * The request's manager travels in AsyncLocalStorage rather than through every call: the
 * Database door is shared by resolvers, the curation service and plugins alike.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import neo4j, { type BookmarkManager } from 'neo4j-driver';

const requestManager = new AsyncLocalStorage<BookmarkManager>();

/** Bookmarks are opaque strings from Neo4j; a header holds at most this many. */
export const MAX_BOOKMARKS = 16;
const BOOKMARK = /^[\x21-\x7e]{1,512}$/;

/** Runs `work` with one bookmark manager for its transactions, starting from `initial`. */
export function withBookmarks<T>(initial: readonly string[], work: () => Promise<T>): Promise<T> {
  return requestManager.run(neo4j.bookmarkManager({ initialBookmarks: initial }), work);
}

/** The current request's manager, if any: sessions opened outside a request have none. */
export function currentBookmarkManager(): BookmarkManager | undefined {
  return requestManager.getStore();
}

/** The bookmarks the current request's transactions ended with. */
export async function currentBookmarks(): Promise<string[]> {
  const manager = requestManager.getStore();
  return manager ? [...(await manager.getBookmarks())] : [];
}

/**
 * A header's bookmarks (comma-separated), or the problem with them: bookmarks come from a
 * previous answer of this API and are passed back unchanged.
 */
export function parseBookmarks(header: string | undefined): string[] | { problem: string } {
  if (header === undefined || header.trim() === '') return [];
  const list = header
    .split(',')
    .map((b) => b.trim())
    .filter((b) => b.length > 0);
  if (list.length > MAX_BOOKMARKS)
    return { problem: `at most ${MAX_BOOKMARKS} bookmarks, got ${list.length}` };
  const bad = list.find((b) => !BOOKMARK.test(b));
  if (bad !== undefined)
    return {
      problem: `"${bad.slice(0, 40)}" is not a bookmark: pass back the neo4j-bookmarks header of an earlier answer unchanged`,
    };
  return list;
}
