/**
 * `npm run keys -- create --role curator --label "Alice"` | `list` | `revoke <id>`.
 * The key is shown once, at creation; only its hash is stored. A revocation is announced to
 * every API replica through Redis when REDIS_URL is set (they refuse the key at once, and
 * close its sockets); without Redis each API process refuses it within 10 s.
 */
import { parseArgs } from 'node:util';
import { ROLES, type Role } from '../api/auth/api-keys';
import { createApiKey, listApiKeys, revokeApiKey } from '../api/auth/api-keys.store';
import { announceRevocation } from '../api/auth/revocations';
import { connectRedis } from '../redis';
import { openRuntime, runMain } from './runtime';

const USAGE =
  'usage: npm run keys -- create --role reader|contributor|curator|admin --label TEXT | list | revoke ID';

runMain(async () => {
  const { values, positionals } = parseArgs({
    options: { role: { type: 'string' }, label: { type: 'string' } },
    allowPositionals: true,
  });
  const [command, id] = positionals;
  if (command !== 'create' && command !== 'list' && command !== 'revoke') throw new Error(USAGE);
  if (command === 'create' && !ROLES.includes(values.role as Role))
    throw new Error(`--role must be one of ${ROLES.join(', ')}\n${USAGE}`);
  if (command === 'revoke' && !id) throw new Error(`revoke needs the key id\n${USAGE}`);

  const runtime = await openRuntime({ migrate: true, quietLogs: true });
  try {
    if (command === 'create') {
      const { key, token } = await createApiKey(
        runtime.db,
        values.role as Role,
        values.label ?? '',
      );
      process.stdout.write(
        `created key ${key.id} (${key.role}${key.label ? `, ${key.label}` : ''})\n`,
      );
      process.stdout.write(
        `secret, shown once: ${token}\nsend it as: Authorization: Bearer ${token}\n`,
      );
    } else if (command === 'list') {
      for (const k of await listApiKeys(runtime.db)) {
        process.stdout.write(
          `${k.id}  ${k.role.padEnd(11)}  ${k.revokedAt ? `revoked ${k.revokedAt}` : 'active'}  ${k.createdAt}  ${k.label}\n`,
        );
      }
    } else {
      const { REDIS_URL, REDIS_PREFIX } = runtime.config;
      // Connected while the revocation is written, so that the replicas hear of it right after
      // (connecting once it was written took up to a second of a loaded machine).
      const connecting = REDIS_URL
        ? connectRedis({ url: REDIS_URL, prefix: REDIS_PREFIX }, runtime.logger).catch(
            (error: Error) => error,
          )
        : Promise.resolve(null);
      const k = await revokeApiKey(runtime.db, id!).catch(async (error: unknown) => {
        const link = await connecting;
        if (link && !(link instanceof Error)) await link.close();
        throw error;
      });
      process.stdout.write(`revoked ${k.id} at ${k.revokedAt}\n`);
      const redis = await connecting;
      const problem =
        redis instanceof Error
          ? `${redis.message}: the replicas refuse the key within 10 s`
          : await announceRevocation(k.id, redis);
      if (redis && !(redis instanceof Error)) await redis.close();
      if (REDIS_URL && !problem) process.stdout.write('every replica told (Redis)\n');
      if (problem) process.stderr.write(`warning: ${problem}\n`);
    }
  } finally {
    await runtime.shutdown();
  }
});
