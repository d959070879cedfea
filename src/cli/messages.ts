/**
 * What the command line tells its user, in Bahasa Indonesia (default) or English. Import failures, rules and
 * kinds are worded by the app's own locale strings (src/locales), so the CLI and the browser say the same thing;
 * the few failures whose app wording points at the browser's review step have a CLI wording here.
 */
import { en } from '../locales/en';
import { UNKNOWN_PEMDA } from '../p3dn/agency';
import { id, type Messages } from '../locales/id';

export type Lang = 'id' | 'en';

const ID = {
  usage: `Pemakaian: npm run cli -- report <berkas atau folder…> --out <folder>
  [--basis komitmen|realisasi|capaian] [--denominator {{denominators}}]
  [--target-pdn 40] [--target-umk 40] [--accept-generic] [--memory-limit 4GB] [--threads N]
  [--work-dir <folder>] [--memory-stats] [--lang id|en]
Membaca setiap berkas .csv, .tsv dan .xlsx (folder dibaca sampai ke subfoldernya), mendeteksi jenisnya seperti
aplikasi, lalu menulis agencies.csv, pemda.csv, import-report.csv dan rejects.csv ke folder --out.`,
  badArgs: 'Argumen tidak valid: {{detail}}',
  missingPath: 'Tidak dapat membaca {{path}}: berkas atau folder itu tidak ada.',
  unreadablePath: 'Tidak dapat membaca {{path}}: {{detail}}',
  noFiles: 'Tidak ada berkas untuk dibaca.',
  extSkipped: 'Bukan berkas .csv, .tsv atau .xlsx: dilewati.',
  genericSkipped:
    'Hanya terbaca sebagai lembar generik (keyakinan {{confidence}}): tidak dimuat tanpa konfirmasi. Periksa pemetaannya di aplikasi, atau jalankan lagi dengan --accept-generic untuk memuatnya sebagai generik.',
  jenis_tidak_dikenal: 'Jenis berkas tidak dikenali. Kolom yang ditemukan: {{detail}}. Jenis yang dapat dimuat: {{kinds}}.',
  kolom_wajib_kosong: 'Kolom wajib tidak ditemukan: {{detail}}.',
  terlalu_besar: 'Memori habis saat membaca berkas ({{detail}}). Naikkan --memory-limit atau kurangi --threads.',
  fileStart: '[{{i}}/{{n}}] {{file}}',
  bytes: '  {{stage}}: {{pct}} %',
  loaded:
    '  {{kind}}: {{read}} baris dibaca, {{loaded}} dihitung, {{excluded}} dikecualikan, {{rejected}} ditolak ({{seconds}} d)',
  notLoaded: '  tidak dimuat: {{reason}}',
  matching: 'Mencocokkan perangkat daerah semua berkas (register, per Pemda)…',
  matched: '  selesai ({{seconds}} d)',
  computing: 'Menghitung angka per Pemda dan perangkat daerah ({{basis}}, penyebut {{denominator}})…',
  pemdaSource: 'Pemda tiap baris: dari register perangkat daerah seperti di aplikasi (kd_klpd, nama_klpd, atau perangkat daerah yang cocok); kolom pemda_source di agencies.csv dan import-report.csv menyebut asalnya.',
  pemdaNote: '  {{file}}: {{note}}',
  pemda_perangkat_daerah: '{{rows}} baris tanpa kd_klpd/nama_klpd masuk {{pemda}} lewat perangkat daerahnya, yang cocok (kode satker SIRUP, kode atau nama) dengan perangkat daerah berkas lain yang menyebut Pemda-nya.',
  pemda_satu_pemda: '{{rows}} baris tanpa kd_klpd/nama_klpd, yang perangkat daerahnya tidak cocok dengan berkas lain, dianggap milik {{pemda}}: satu-satunya Pemda yang disebut data.',
  pemda_tanpa_pemda: '{{rows}} baris tanpa kd_klpd/nama_klpd tidak dapat ditempatkan di satu Pemda (beberapa Pemda dimuat dan perangkat daerahnya tidak cocok lewat kode satker SIRUP): dicatat sebagai “{{pemda}}”, tidak dihitung pada Pemda mana pun.',
  pemda_tanpa_pemda_none: '{{rows}} baris tanpa kd_klpd/nama_klpd, dan tidak ada berkas yang menyebut Pemda: dicatat sebagai “{{pemda}}”.',
  written: 'Ditulis ke {{dir}}: agencies.csv ({{agencies}} baris), pemda.csv ({{pemda}}), import-report.csv ({{files}}), rejects.csv ({{rejects}}).',
  notAllLoaded: '{{count}} berkas tidak dimuat: lihat import-report.csv.',
  nothingLoaded: 'Tidak ada berkas yang dapat dimuat.',
  outError: 'Tidak dapat menulis ke {{dir}}: {{detail}}',
  memoryStats: 'Memori DuckDB: puncak {{memory}} di memori, {{spill}} di penyimpanan sementara (spill); batas memori {{limit}} ({{samples}} sampel).',
  failed: 'Gagal: {{detail}}',
}; // prettier-ignore

type CliMessages = typeof ID;

const EN: CliMessages = {
  usage: `Usage: npm run cli -- report <files or folders…> --out <dir>
  [--basis komitmen|realisasi|capaian] [--denominator {{denominators}}]
  [--target-pdn 40] [--target-umk 40] [--accept-generic] [--memory-limit 4GB] [--threads N]
  [--work-dir <dir>] [--memory-stats] [--lang id|en]
Reads every .csv, .tsv and .xlsx file (folders recursively), detects its kind as the app does, and writes
agencies.csv, pemda.csv, import-report.csv and rejects.csv to the --out folder.`,
  badArgs: 'Invalid arguments: {{detail}}',
  missingPath: 'Cannot read {{path}}: no such file or folder.',
  unreadablePath: 'Cannot read {{path}}: {{detail}}',
  noFiles: 'No files to read.',
  extSkipped: 'Not a .csv, .tsv or .xlsx file: skipped.',
  genericSkipped:
    'Only readable as a generic sheet (confidence {{confidence}}): not loaded without confirmation. Check its mapping in the app, or run again with --accept-generic to load it as generic.',
  jenis_tidak_dikenal: 'File type not recognised. Columns found: {{detail}}. Types that can be loaded: {{kinds}}.',
  kolom_wajib_kosong: 'Required columns not found: {{detail}}.',
  terlalu_besar: 'Out of memory while reading the file ({{detail}}). Raise --memory-limit or lower --threads.',
  fileStart: '[{{i}}/{{n}}] {{file}}',
  bytes: '  {{stage}}: {{pct}} %',
  loaded:
    '  {{kind}}: {{read}} rows read, {{loaded}} counted, {{excluded}} excluded, {{rejected}} rejected ({{seconds}} s)',
  notLoaded: '  not loaded: {{reason}}',
  matching: "Matching every file's agencies (register, per Pemda)…",
  matched: '  done ({{seconds}} s)',
  computing: 'Computing the figures per Pemda and agency ({{basis}}, denominator {{denominator}})…',
  pemdaSource: "Each row's Pemda: from the agency register, as in the app (kd_klpd, nama_klpd, or the agency it matched); the pemda_source column of agencies.csv and import-report.csv says which.",
  pemdaNote: '  {{file}}: {{note}}',
  pemda_perangkat_daerah: '{{rows}} rows without kd_klpd/nama_klpd belong to {{pemda}} through their agency, which matched (SIRUP satker id, code or name) an agency that another file places in its Pemda.',
  pemda_satu_pemda: '{{rows}} rows without kd_klpd/nama_klpd, whose agency matched none of another file, are taken to belong to {{pemda}}: the only Pemda the data names.',
  pemda_tanpa_pemda: '{{rows}} rows without kd_klpd/nama_klpd cannot be placed in one Pemda (several Pemda are loaded and their agency matched none by SIRUP satker id): listed as “{{pemda}}”, counted in no Pemda.',
  pemda_tanpa_pemda_none: '{{rows}} rows without kd_klpd/nama_klpd, and no file names a Pemda: listed as “{{pemda}}”.',
  written: 'Written to {{dir}}: agencies.csv ({{agencies}} rows), pemda.csv ({{pemda}}), import-report.csv ({{files}}), rejects.csv ({{rejects}}).',
  notAllLoaded: '{{count}} file(s) not loaded: see import-report.csv.',
  nothingLoaded: 'No file could be loaded.',
  outError: 'Cannot write to {{dir}}: {{detail}}',
  memoryStats: 'DuckDB memory: peak {{memory}} in memory, {{spill}} in temporary storage (spill); memory limit {{limit}} ({{samples}} samples).',
  failed: 'Failed: {{detail}}',
}; // prettier-ignore

export interface Texts {
  cli: CliMessages;
  app: Messages;
  lang: Lang;
}

export function texts(lang: Lang): Texts {
  return lang === 'en' ? { cli: EN, app: en, lang } : { cli: ID, app: id, lang };
}

/** `{{name}}` placeholders filled from `vars`. */
export function fill(template: string, vars: Record<string, string | number> = {}): string {
  return template.replace(/\{\{(\w+)\}\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

/** How a Pemda is named in the report (as the app's pemdaLabel): its name, else its kd_klpd; the unknown bucket in words. */
export function pemdaText(t: Texts, key: string, name: string | null): string {
  if (name) return name;
  if (key === UNKNOWN_PEMDA) return t.app.pemda.unknown;
  return key.replace(/^(klpd|pemda):/, '');
}

/** The app's words for a rule or reject code, else the code itself. */
export function ruleText(t: Texts, code: string): string {
  return (t.app.importer.rule as Record<string, string>)[code] ?? code;
}

/** The app's words for an export kind, else its id. */
export function kindText(t: Texts, kind: string): string {
  return (t.app.importer.kind as Record<string, string>)[kind] ?? kind;
}

/** An import failure (ImportError code + detail) in the user's language. */
export function failureText(t: Texts, code: string, detail = ''): string {
  const kinds = Object.values(t.app.importer.kind).join(', ');
  const own = (t.cli as Record<string, string>)[code];
  const app = (t.app.importer.error as Record<string, string>)[code];
  return fill(own ?? app ?? `${code}: {{detail}}`, { detail, kinds });
}
