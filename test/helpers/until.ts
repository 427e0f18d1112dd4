/**
 * Polls `check` every `everyMs` until it gives something other than null or `ms` have passed;
 * its last value (null when the time ran out).
 */
export async function until<T>(
  check: () => Promise<T | null> | T | null,
  ms: number,
  everyMs = 100,
): Promise<T | null> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== null || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/**
 * Asks `probe` (a /readyz request) once a second until it answers 200 or `ms` have passed, as a
 * load balancer's probe does; its last answer. A Neo4j started seconds before, on a busy
 * machine, can take longer than the readiness check's 1.5 s to plan its first queries.
 */
export async function readyWithin<R extends { status: number }>(
  probe: () => Promise<R>,
  ms: number,
): Promise<R> {
  let answer!: R;
  await until(
    async () => {
      answer = await probe();
      return answer.status === 200 ? answer : null;
    },
    ms,
    1000,
  );
  return answer;
}
