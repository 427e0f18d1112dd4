/**
 * Root fields answer with objects already shaped by response key (alias or name), so a field
 * reads its value under its response key: two aliases of one field with different arguments
 * each get their own value. This is the server's default field resolver, and what the
 * field methods that declare arguments (a plan's practices) return.
 */
import type { GraphQLFieldResolver, GraphQLResolveInfo } from 'graphql';

export function answered(source: unknown, info: GraphQLResolveInfo): unknown {
  if (source === null || typeof source !== 'object') return null;
  const record = source as Record<string, unknown>;
  const key = String(info.path.key);
  return key in record ? record[key] : record[info.fieldName];
}

export const byResponseKey: GraphQLFieldResolver<unknown, unknown> = (source, _args, _ctx, info) =>
  answered(source, info);
