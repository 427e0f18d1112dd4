export default async function globalTeardown(): Promise<void> {
  const stop = (globalThis as { __neo4jStop__?: () => Promise<unknown> }).__neo4jStop__;
  if (stop) await stop();
}
