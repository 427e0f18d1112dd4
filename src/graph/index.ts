export * from './model';
export {
  BundleSchema,
  type Bundle,
  type BundleInput,
  type BundleSection,
  type IncidentEntry,
  type PracticeEntry,
} from './bundle.schema';
export {
  validateBundles,
  type BundleDocument,
  type ValidationResult,
  type ValidatedBundle,
} from './validate';
export {
  ingest,
  validateAgainstGraph,
  type IngestReport,
  type IngestOptions,
  type IngestProgress,
  type TransactionHooks,
} from './ingest';
export {
  readerOf,
  type RunsOn,
  type StatementRunner,
  transactionRunner,
  writerOf,
} from './ingest.store';
export { loadBundleFiles } from './load-files';
export { checkBundleFiles } from './check-files';
export { SECTIONS, plansOf, paidOf, pricesOf } from './bundle-to-graph';
export { provisionIdFromRef, provisionRef } from './citation';
export * from './partial-date';
export { rewind, MAX_REWOUND, type Rewound } from './rewind';
