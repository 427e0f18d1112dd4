/**
 * Causal consistency on a cluster: the transactions of one request chain through a bookmark
 * manager, so that a read after a write (recordPractice reading back what it wrote, findings
 * computed after a write) sees the write even when routed to a follower. A request may start
 * from a client's bookmarks (a write made through another replica) and hands back the ones it
 * ends with: the HTTP endpoint carries them in the `neo4j-bookmarks` header, both ways. The
 * manager travels in the request's view of the Database (Database.forRequest).
 */
import neo4j, { type BookmarkManager } from 'neo4j-driver';

/** A chain for one request's transactions, starting from `initial`. */
export function bookmarkChain(initial: readonly string[]): BookmarkManager {
  return neo4j.bookmarkManager({ initialBookmarks: [...initial] });
}

/** Bookmarks are opaque strings from Neo4j; a header holds at most this many. */
export const MAX_BOOKMARKS = 16;
const BOOKMARK = /^[\x21-\x7e]{1,512}$/;

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
