/**
 * `npm run export -- --format jsonld|csv [--as-of YYYY-MM-DD] [--purpose id]
 * [--companies a,b] [--rights OBJECT,ERASURE] [--out file]`: the same exports as
 * /export/*, for scripts and archives. Parsing and producing live here so tests can run them.
 */
import { parseArgs } from 'node:util';
import type { Logger } from '../../config';
import { type Database, QueryTally } from '../../db';
import { AppError } from '../../errors';
import type { ApiContext } from '../context';
import { createEvents } from '../events';
import { buildApiSchema } from '../schema';
import { type GraphQLExecutor, schemaExecutor } from './executor';
import { graphJsonLd } from './graph.jsonld';
import { rightsMatrixCsv } from './rights-matrix.csv';
import { parseRightsMatrixParams, type RightsMatrixParams } from './rights-matrix.params';

export const EXPORT_USAGE = `usage: npm run export -- --format jsonld|csv [options]
  --format jsonld|csv   the whole graph as JSON-LD, or the rights matrix as CSV
  --as-of YYYY-MM-DD    csv: the date the matrix holds on (default: today, UTC)
  --purpose ID          csv: only practices for this purpose, e.g. ai-model-training
  --companies A,B       csv: only these companies
  --rights R1,R2        csv: only these rights (columns), e.g. OBJECT,ERASURE
  --out FILE            write to FILE instead of standard output`;

export type ExportFormat = 'jsonld' | 'csv';

export interface ExportCommand {
  format: ExportFormat;
  matrix: RightsMatrixParams;
  out?: string;
}

const bad = (message: string): AppError =>
  new AppError('BAD_USER_INPUT', `${message}\n${EXPORT_USAGE}`);

export function parseExportArgs(argv: string[]): ExportCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        format: { type: 'string' },
        'as-of': { type: 'string' },
        purpose: { type: 'string' },
        companies: { type: 'string', multiple: true },
        rights: { type: 'string', multiple: true },
        out: { type: 'string' },
      },
      allowPositionals: false,
      strict: true,
    });
  } catch (error) {
    throw bad(error instanceof Error ? error.message : String(error));
  }
  const { values } = parsed;
  const format =
    values.format ??
    (values.out?.endsWith('.csv') ? 'csv' : values.out?.endsWith('.jsonld') ? 'jsonld' : undefined);
  if (format !== 'jsonld' && format !== 'csv') {
    throw bad(
      format === undefined
        ? '--format is required'
        : `--format must be jsonld or csv, got "${format}"`,
    );
  }
  const matrixFlags = (['as-of', 'purpose', 'companies', 'rights'] as const).filter(
    (f) => values[f] !== undefined,
  );
  if (format === 'jsonld' && matrixFlags.length > 0) {
    throw bad(
      `--${matrixFlags[0]} applies to the csv matrix only; the JSON-LD export is the whole graph with every dated practice`,
    );
  }
  let matrix: RightsMatrixParams;
  try {
    matrix = parseRightsMatrixParams(
      {
        asOf: values['as-of'],
        purpose: values.purpose,
        companies: values.companies,
        rights: values.rights,
      },
      { asOf: '--as-of', purpose: '--purpose', companies: '--companies', rights: '--rights' },
    );
  } catch (error) {
    throw error instanceof AppError ? bad(error.message) : error;
  }
  return { format, matrix, ...(values.out ? { out: values.out } : {}) };
}

/**
 * The export's content as it is read: JSON-LD, or CSV from the API's own matrix query. A
 * refused CSV question fails here, before any content.
 */
export async function runExport(
  command: ExportCommand,
  deps: { db: Database; executor: () => Promise<GraphQLExecutor> },
): Promise<AsyncIterable<string>> {
  if (command.format === 'jsonld') return graphJsonLd(deps.db);
  return (await rightsMatrixCsv(await deps.executor(), command.matrix)).chunks;
}

/**
 * The API's schema with the context of the local operator: the command line reads as the API
 * serves anonymous readers, without HTTP (no key, public reads).
 */
export async function operatorExecutor(db: Database, logger: Logger): Promise<GraphQLExecutor> {
  const events = createEvents();
  const queries = new QueryTally();
  const context: ApiContext = {
    db: db.forRequest(queries),
    queries,
    requestId: 'cli-export',
    logger,
    principal: null,
    authError: null,
    publicReads: true,
    events,
  };
  return schemaExecutor(await buildApiSchema(events), context);
}
