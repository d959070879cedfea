/**
 * e-Purchasing transactions of the sample (metode 9): e-Katalog v5, one row per product line with the package
 * `total` repeated on each, or e-Katalog v6, where one agency is spelled two ways and one is renamed.
 */
import type { RealisasiContext, Paket } from './context';
import { formatDate, formatTimestamp, LAST_DAY, titleCase } from './format';
import { KLPD, RENAMED_AGENCY, TAHUN_ANGGARAN, TWO_SPELLINGS_AGENCY } from './pemda';

export function ePurchasingRows(ctx: RealisasiContext, { p, a, common, d }: Paket): void {
  const { rng, out, realised, trx, penyedia } = ctx;
  if (rng.chance(0.45)) {
    // e-Katalog v5: one row per product line, the package `total` repeated on each.
    const lines = rng.int(1, 4);
    const nilai = realised(p.pagu);
    const status = rng.chance(0.8) ? 'Paket Selesai' : 'Paket Proses';
    const kdPaket = trx();
    const shares = Array.from({ length: lines }, () => 0.5 + rng.next());
    const sum = shares.reduce((x, y) => x + y, 0);
    let left = nilai;
    const parts = shares.map((s, i) => {
      const v = i === lines - 1 ? left : Math.round((nilai * s) / sum);
      left -= v;
      return v;
    });
    parts.forEach((v, i) => {
      const qty = rng.int(1, 40);
      const ongkir = 0;
      out.ekatalogV5.push({
        tahun_anggaran: TAHUN_ANGGARAN,
        kd_klpd: KLPD.kd_klpd,
        satker_id: a.kdSatker,
        nama_satker: rng.chance(0.5) ? null : a.namaSatker,
        kd_paket: kdPaket,
        no_paket: `EPA-${kdPaket}-${i + 1}`,
        nama_paket: p.nama_paket,
        kd_rup: p.kd_rup,
        nama_sumber_dana: common.sumber_dana,
        kd_komoditas: String(rng.int(10, 99)),
        kd_produk: String(rng.int(1_000_000, 9_999_999)),
        kd_penyedia: String(rng.int(100000, 999999)),
        kuantitas: qty,
        harga_satuan: Math.round((v - ongkir) / qty),
        ongkos_kirim: ongkir,
        total_harga: v,
        tanggal_buat_paket: formatTimestamp(d, rng.int(28_800, 57_600)),
        tanggal_edit_paket: formatTimestamp(Math.min(LAST_DAY, d + rng.int(1, 20)), rng.int(28_800, 57_600)),
        paket_status_str: status,
        total: nilai,
      });
    });
  } else {
    const spelled = p.kd_satker === TWO_SPELLINGS_AGENCY && rng.chance(0.5);
    const renamed = p.kd_satker === RENAMED_AGENCY.kdSatker;
    out.ekatalogV6.push({
      tahun_anggaran: TAHUN_ANGGARAN,
      nama_satker: renamed
        ? RENAMED_AGENCY.newName
        : spelled
          ? `${titleCase(a.namaSatker)} Kabupaten Contoh Makmur`
          : a.namaSatker,
      kd_klpd: KLPD.kd_klpd,
      kd_satker_str: renamed ? RENAMED_AGENCY.newCode : spelled ? null : a.kdSatkerStr,
      kd_paket: trx(),
      kd_rup: p.kd_rup,
      rup_nama_pkt: p.nama_paket,
      kd_penyedia: String(rng.int(100000, 999999)),
      nama_penyedia: penyedia(),
      sumber_dana: common.sumber_dana,
      total_harga: realised(p.pagu),
      ongkir: 0,
      tgl_order: `${formatDate(d)}T${String(rng.int(8, 16)).padStart(2, '0')}:00:00.000000Z`,
      status_pkt: rng.weighted([
        ['COMPLETED', 78],
        ['ON_PROCESS', 12],
        ['PAYMENT_OUTSIDE_SYSTEM', 6],
        ['ON_ADDENDUM', 4],
      ] as const),
    });
  }
}
