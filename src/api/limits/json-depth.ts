/**
 * How deep a JSON value nests. Request bodies, GET parameters and WebSocket messages are
 * parsed by JSON.parse, which takes any depth; graphql-js and Apollo then walk variables
 * recursively, so a value nested some 10,000 deep overflows the stack (a 500). The API's own
 * inputs nest a few levels (a bundle about eight), so the limit is far above any real use.
 */
import { AppError } from '../../errors';

export const MAX_JSON_DEPTH = 64;

/** The nesting depth of `value` (a scalar is 0), counted without recursion; stops past `stopAfter`. */
export function jsonDepth(value: unknown, stopAfter = MAX_JSON_DEPTH): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (item === null || typeof item !== 'object') continue;
    const level = depth + 1;
    if (level > deepest) deepest = level;
    if (deepest > stopAfter) return deepest;
    for (const child of Array.isArray(item) ? item : Object.values(item)) {
      if (child !== null && typeof child === 'object') stack.push([child, level]);
    }
  }
  return deepest;
}

/** Throws BAD_USER_INPUT when `value` nests deeper than MAX_JSON_DEPTH. */
export function checkJsonDepth(value: unknown, what: string): void {
  if (jsonDepth(value) > MAX_JSON_DEPTH) {
    throw new AppError(
      'BAD_USER_INPUT',
      `${what} nests JSON more than ${MAX_JSON_DEPTH} levels deep`,
      { limit: 'jsonDepth', max: MAX_JSON_DEPTH },
    );
  }
}
