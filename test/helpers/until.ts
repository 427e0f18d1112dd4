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
