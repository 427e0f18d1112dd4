export { exportRouter, type ExportRouterOptions } from './export.router';
export {
  apolloExecutor,
  schemaExecutor,
  runTyped,
  type GraphQLExecutor,
  type GraphQLRequestBody,
  type GraphQLResultBody,
} from './executor';
export {
  graphJsonLd,
  toJsonLdNode,
  nodeIri,
  labelSegment,
  JSONLD_CONTEXT,
  ID_BASE,
  VOCAB,
} from './graph.jsonld';
export {
  rightsMatrixCsv,
  textOf,
  spreadsheetSafe,
  CSV_LEADING_COLUMNS,
  CSV_TRAILING_COLUMNS,
  type RightsMatrixCsv,
} from './rights-matrix.csv';
export {
  parseRightsMatrixParams,
  type RightsMatrixParams,
  type RawValue,
} from './rights-matrix.params';
export {
  parseExportArgs,
  runExport,
  operatorExecutor,
  EXPORT_USAGE,
  type ExportCommand,
  type ExportFormat,
} from './export.command';
