/**
 * Counts the Cypher queries issued on behalf of one request, so that clients, tests and logs
 * can see that a request costs a bounded number of round trips. The tally travels with the
 * request's view of the database (Database.counting), not in AsyncLocalStorage: its promise
 * hooks cost ~0.25 ms of CPU per request in bench/, a fifth of a small query.
 */
export class QueryTally {
  count = 0;
  readonly names: string[] = [];

  record(name: string): void {
    this.count += 1;
    this.names.push(name);
  }
}
