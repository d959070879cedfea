/**
 * Writes the sample data of the fictional "Kabupaten Contoh Makmur (fiktif)" into `sample-data/`: eleven CSV
 * exports with the real column names and order (scripts/sample/layouts.ts), byte-identical between runs —
 *   - SIRUP: RUP-PaketPenyedia-Terumumkan, RUP-PaketSwakelola-Terumumkan, RUP-StrukturAnggaranPD;
 *   - SPSE: TenderSelesaiNilai, NonTenderSelesai, PencatatanNonTender, PencatatanSwakelola,
 *     NonTenderEkontrak-Kontrak;
 *   - e-Katalog v5 (Ecat-PaketEPurchasing) and v6 (Ecat-PaketEPurchasing-V6);
 *   - Toko Daring (Bela-TokoDaringRealisasi).
 * The generator itself is in scripts/sample/ (index.ts). Run: npm run sample
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { generateRealisasi, generateSample, sampleFiles } from './sample';

const outDir = resolve(import.meta.dirname, '..', 'sample-data');
const data = generateSample();
const realisasi = generateRealisasi(data);
mkdirSync(outDir, { recursive: true });
for (const { name, text } of sampleFiles(data, realisasi)) writeFileSync(join(outDir, name), text, 'utf8');
console.log(
  Object.entries(realisasi)
    .map(([k, rows]) => `${k}: ${rows.length}`)
    .join(', '),
);
console.log(
  `Wrote ${data.penyedia.length} penyedia, ${data.swakelola.length} swakelola and ${data.struktur.length} ` +
    `struktur rows to ${outDir}`,
);
