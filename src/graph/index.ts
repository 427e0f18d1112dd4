export * from './model';
export { BundleSchema, type Bundle, type BundleInput } from './bundle.schema';
export { validateBundles, type BundleDocument, type ValidationResult } from './validate';
export {
  ingest,
  validateAgainstGraph,
  type IngestReport,
  type IngestOptions,
  type IngestProgress,
} from './ingest';
export { loadBundleFiles } from './load-files';
export { SECTIONS, provisionRef } from './sections';
