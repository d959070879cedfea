/** Why a file could not be imported at all. The UI turns the code into a sentence in the user's language. */
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
  | 'gagal_baca';

export class ImportError extends Error {
  constructor(
    readonly code: ImportErrorCode,
    readonly detail?: string,
  ) {
    super(detail ? `${code}: ${detail}` : code);
  }
}
