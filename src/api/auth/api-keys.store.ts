/** The Cypher of API keys. */
import type { Database } from '../../db';
import { AppError } from '../../errors';
import { newKey, ROLES, type Role } from './api-keys';

export interface ApiKeyInfo {
  id: string;
  role: Role;
  label: string;
  createdAt: string;
  revokedAt: string | null;
}

export async function createApiKey(
  db: Database,
  role: Role,
  label: string,
): Promise<{ key: ApiKeyInfo; token: string }> {
  if (!ROLES.includes(role))
    throw new AppError('BAD_USER_INPUT', `role must be one of ${ROLES.join(', ')}, got "${role}"`);
  const { id, token, hash } = newKey();
  const rows = await db.write(
    'createApiKey',
    `CREATE (k:ApiKey {id: $id, hash: $hash, role: $role, label: $label, createdAt: datetime()})
     RETURN k {.id, .role, .label, .createdAt, .revokedAt} AS key`,
    { id, hash, role, label },
  );
  return { key: rows[0]!.key as unknown as ApiKeyInfo, token };
}

export async function listApiKeys(db: Database): Promise<ApiKeyInfo[]> {
  const rows = await db.read(
    'listApiKeys',
    'MATCH (k:ApiKey) RETURN k {.id, .role, .label, .createdAt, .revokedAt} AS key ORDER BY k.createdAt',
  );
  return rows.map((r) => r.key as unknown as ApiKeyInfo);
}

/** Revokes a key; the key stays recorded (the audit trail names it). */
export async function revokeApiKey(db: Database, id: string): Promise<ApiKeyInfo> {
  const rows = await db.write(
    'revokeApiKey',
    `MATCH (k:ApiKey {id: $id}) SET k.revokedAt = coalesce(k.revokedAt, datetime())
     RETURN k {.id, .role, .label, .createdAt, .revokedAt} AS key`,
    { id },
  );
  if (rows.length === 0) throw new AppError('NOT_FOUND', `no API key with id "${id}"`);
  return rows[0]!.key as unknown as ApiKeyInfo;
}

export async function findApiKey(
  db: Database,
  id: string,
): Promise<{ hash: string; role: Role; revoked: boolean } | null> {
  const rows = await db.read(
    'findApiKey',
    'MATCH (k:ApiKey {id: $id}) RETURN k.hash AS hash, k.role AS role, k.revokedAt IS NOT NULL AS revoked',
    { id },
  );
  const row = rows[0];
  return row
    ? { hash: row.hash as string, role: row.role as Role, revoked: row.revoked === true }
    : null;
}

/** Which of these key ids name a key that exists and is not revoked. */
export async function activeKeyIds(db: Database, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.read(
    'activeKeyIds',
    'MATCH (k:ApiKey) WHERE k.id IN $ids AND k.revokedAt IS NULL RETURN k.id AS id',
    { ids: [...ids] },
  );
  return new Set(rows.map((r) => r.id as string));
}
