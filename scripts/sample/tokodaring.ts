/**
 * Toko Daring (Bela Pengadaan) transactions of the sample: small purchases without kd_rup, with failed orders
 * and orders exported twice, under Toko Daring's own satker ids and the agencies' other spellings.
 */
import type { RealisasiContext, RealisasiRow } from './context';
import { formatTimestamp, roundPagu, titleCase } from './format';
import { PENYEDIA_NAMES } from './names';
import { KLPD, RENAMED_AGENCY, TAHUN_ANGGARAN, TWO_SPELLINGS_AGENCY, type AgencySpec } from './pemda';
import { PPK_FIRST_NAMES } from './ppk';

export function tokoDaringRows(ctx: RealisasiContext, agencies: readonly AgencySpec[]): void {
  const { rng, out, day } = ctx;
  const kategori = [
    'Alat Tulis Kantor',
    'Makanan dan Minuman',
    'Komputer dan Aksesoris',
    'Perlengkapan Kebersihan',
  ];
  for (let i = 0; i < 520; i++) {
    const a = rng.pick(agencies);
    const d = day();
    const fail = rng.chance(0.08);
    const spelled = a.kdSatker === TWO_SPELLINGS_AGENCY && rng.chance(0.5);
    const renamed = a.kdSatker === RENAMED_AGENCY.kdSatker;
    const row: RealisasiRow = {
      tahun: TAHUN_ANGGARAN,
      kd_klpd: KLPD.kd_klpd,
      nama_klpd: KLPD.nama_klpd,
      // Toko Daring's own satker ids: not SIRUP's.
      kd_satker: String(880_000 + Number(a.kdSatker.slice(-3))),
      nama_satker: renamed
        ? RENAMED_AGENCY.newName
        : spelled
          ? `${titleCase(a.namaSatker)} Kabupaten Contoh Makmur`
          : a.namaSatker,
      order_id: `BELA-${TAHUN_ANGGARAN}-${String(700_000 + i * 13 + rng.int(0, 12))}`,
      order_desc: `Pembelian ${rng.pick(kategori)}`,
      valuasi: roundPagu(rng, rng.logUniform(250_000, 49_000_000)),
      kategori: rng.pick(kategori),
      metode_bayar: rng.pick(['Transfer', 'Kartu Kredit Pemerintah Daerah', 'Virtual Account']),
      tanggal_transaksi: formatTimestamp(d, rng.int(28_800, 57_600)),
      marketplace: rng.pick(['Pasar Daring A', 'Pasar Daring B', 'Pasar Daring C']),
      merchant_name: rng.pick(PENYEDIA_NAMES),
      jenis_transaksi: 'PL',
      kota_kab: 'Kab. Contoh Makmur',
      provinsi: 'Provinsi Contoh',
      nama_pemesan: rng.pick(PPK_FIRST_NAMES),
      status_verif: fail ? rng.pick(['unverified', 'verified']) : 'verified',
      sumber_data: 'Bela Pengadaan',
      status_konfirmasi_ppmse: fail ? 'gagal' : 'selesai',
      keterangan_ppmse: fail ? 'Pesanan dibatalkan oleh penjual' : null,
    };
    out.tokoDaring.push(row);
    if (rng.chance(0.04)) out.tokoDaring.push({ ...row }); // the same order exported twice
  }
}
