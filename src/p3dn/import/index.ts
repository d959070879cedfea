/**
 * import/: reading a file (sniff, .xlsx → CSV, Windows-1252), detecting its kind and mapping its headers, and the
 * import itself — classify every record (loaded / excluded by a rule / rejected with line and reason), load it in
 * one transaction — behind one pipeline, `importFile`, that the app, the tests, the benches and the CLI all use.
 */
export {
  finishBatch,
  finishImports,
  importFailure,
  importFile,
  importReport,
  type FileInput,
  type ImportedFile,
} from './pipeline';
export { importCsv } from './import-csv';
export { rejectedRows } from './rejects';
export { ImportError, type ImportErrorCode } from './errors';
export * from './types';
export * from './detect';
export * from './sniff';
export { LineCounter, scanLines, type FileReadBack, type LineScan } from './line-endings';
export { isXlsx, sheetToCsv, xlsxToCsvBytes, isoFromDate, type SheetCell } from './xlsx';
export { classifySql, dedupSql } from './classify';
export { columnExpr, resolveMapping, type ColumnSource } from './columns';
export { fingerprint } from './swap';
export { decideNumberFormats, type NumberFormat } from './number-format';
