/** `npm run migrate`: applies the schema migrations and says what it did. */
import { applyMigrations } from '../db';
import { openRuntime, runMain } from './runtime';

runMain(async () => {
  const runtime = await openRuntime({ migrate: false, quietLogs: true });
  try {
    const report = await applyMigrations(runtime.db);
    process.stdout.write(
      `applied: ${report.applied.join(', ') || 'none'}; already applied: ${report.alreadyApplied.length}\n`,
    );
  } finally {
    await runtime.shutdown();
  }
});
