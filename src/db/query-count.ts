/**
 * Counts the Cypher queries issued on behalf of one request, so that clients, tests and logs
 * can see that a request costs a bounded number of round trips. The tally travels with the
 * request's view of the database (Database.forRequest), not in AsyncLocalStorage: its promise
 * hooks cost ~0.25 ms of CPU per request in bench/, a fifth of a small query.
 */
export class QueryTally {
  /** Each query's name, in the order they were issued. */
  readonly names: string[] = [];

  get count(): number {
    return this.names.length;
  }

  record(name: string): void {
    this.names.push(name);
  }
}
