import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The project root (this file sits two folders below it, in src/ or dist/). */
export const PROJECT_ROOT = path.resolve(__dirname, '../..');

/** The API version, from package.json. */
export const VERSION: string = (
  JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }
).version;
