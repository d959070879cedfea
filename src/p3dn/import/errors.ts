/**
 * Why a file could not be imported at all. The UI turns the code into a sentence in the user's language; `detail`
 * keeps the engine's own message for diagnosis, and is never what the user reads for an engine failure.
 */
export type ImportErrorCode =
  | 'kosong'
  | 'biner'
  | 'tanpa_header'
  | 'jenis_tidak_dikenal'
  | 'kolom_wajib_kosong'
  | 'tanpa_baris'
  | 'excel_belum_didukung'
  | 'excel_tidak_terbaca'
  | 'terlalu_besar'
  | 'dibatalkan'
  | 'csv_tidak_konsisten'
  | 'baris_terlalu_panjang'
  | 'encoding_tidak_valid'
  | 'gagal_baca';

export class ImportError extends Error {
  constructor(
    readonly code: ImportErrorCode,
    readonly detail?: string,
  ) {
    super(detail ? `${code}: ${detail}` : code);
  }
}

/**
 * Thrown by the importer before it keeps anything: the file's records end in several ways (or in bare CRs), which
 * DuckDB's strict reader misreads; the pipeline imports an LF copy instead (./line-endings.ts).
 */
export class OtherLineEndings extends Error {
  constructor(readonly kind: 'cr' | 'mixed') {
    super(`line endings: ${kind}`);
  }
}
