/**
 * The one place where Neo4j values become plain API values:
 * integers become numbers, temporal values ISO strings, nodes their properties.
 */
import { isDate, isDateTime, isInt, isLocalDateTime, isNode, isRelationship } from 'neo4j-driver';

export type Plain = null | boolean | number | string | Plain[] | { [key: string]: Plain };

export function toPlain(value: unknown): Plain {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number')
    return value;
  if (typeof value === 'bigint') return Number(value);
  if (isInt(value)) return value.toNumber();
  if (isDate(value)) return value.toString();
  if (isDateTime(value) || isLocalDateTime(value)) return new Date(value.toString()).toISOString();
  if (isNode(value) || isRelationship(value)) return toPlain(value.properties);
  if (Array.isArray(value)) return value.map(toPlain);
  if (typeof value === 'object') {
    const out: { [key: string]: Plain } = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = toPlain(v);
    return out;
  }
  // Symbols and functions never come from the driver.
  return null;
}
