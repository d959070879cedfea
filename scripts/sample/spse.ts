/**
 * SPSE transactions of the sample: completed tenders, non-tenders (a few contracts under e-kontrak, with addenda),
 * pencatatan non-tender and swakelola, and a few contracts whose kd_rup matches no RUP package.
 */
import type { RealisasiContext, Paket } from './context';
import { formatDate, formatTimestamp, LAST_DAY, roundPagu } from './format';
import { KLPD, LPSE, TAHUN_ANGGARAN, type AgencySpec } from './pemda';
import { isCounted, type SwakelolaRow } from './rup-rows';

/** A tender, selection or quick tender (metode 13, 14, 15): most are completed and have a contract value. */
export function tenderRows(ctx: RealisasiContext, { p, id, isPdn, isUkm, common, d }: Paket): void {
  const { rng, out, realised, part, trx, penyedia } = ctx;
  if (!rng.chance(0.72)) return; // still running
  const nilai = realised(p.pagu);
  out.tender.push({
    ...id,
    kd_tender: trx(),
    kd_paket: trx(),
    kd_rup_paket: p.kd_rup,
    ...common,
    hps: Math.round(p.pagu * 0.99),
    nilai_penawaran: nilai,
    nilai_terkoreksi: nilai,
    nilai_negosiasi: null,
    nilai_kontrak: nilai,
    nilai_pdn_kontrak: part(nilai, isPdn),
    nilai_umk_kontrak: part(nilai, isUkm),
    kd_penyedia: String(rng.int(100000, 999999)),
    nama_penyedia: penyedia(),
    npwp_penyedia: `0${rng.int(10, 99)}.${rng.int(100, 999)}.${rng.int(100, 999)}.${rng.int(1, 9)}-${rng.int(100, 999)}.000`,
    tgl_pengumuman_tender: formatDate(Math.max(0, d - 45)),
    tgl_penetapan_pemenang: formatTimestamp(d, rng.int(28_800, 57_600)),
  });
}

/**
 * A direct appointment or direct procurement (metode 7, 8): a non-tender in some status, some of them with an
 * e-kontrak contract; a few direct procurements are recorded as pencatatan instead.
 */
export function nonTenderRows(ctx: RealisasiContext, { p, a, id, isPdn, isUkm, common, d }: Paket): void {
  const { rng, out, realised, part, trx, penyedia } = ctx;
  const metode = p.kd_metode_pengadaan;
  if (metode === 8 && rng.chance(0.15)) {
    if (!rng.chance(0.8)) return;
    const nilai = realised(p.pagu);
    const batal = rng.chance(0.05);
    out.pencatatanNonTender.push({
      ...id,
      kd_nontender_pct: trx(),
      kd_rup: p.kd_rup,
      ...common,
      total_realisasi: nilai,
      nilai_pdn_pct: part(nilai, isPdn),
      nilai_umk_pct: part(nilai, isUkm),
      status_nontender_pct: batal ? 'dibatalkan' : 'selesai',
      status_nontender_pct_ket: batal ? 'Paket Dibatalkan' : 'Paket Selesai',
      tgl_buat_paket: formatTimestamp(Math.max(0, d - 20), rng.int(28_800, 57_600)),
      tgl_selesai_paket: formatTimestamp(d, rng.int(28_800, 57_600)),
    });
    return;
  }
  const status = rng.weighted([
    ['Selesai', 76],
    ['Berlangsung', 16],
    ['Gagal', 5],
    ['Batal', 3],
  ] as const);
  const nilai = realised(p.pagu);
  const kdNontender = trx();
  out.nonTender.push({
    ...id,
    kd_nontender: kdNontender,
    kd_paket: trx(),
    kd_rup: p.kd_rup,
    ...common,
    hps: Math.round(p.pagu * 0.99),
    nilai_penawaran: nilai,
    nilai_negosiasi: nilai,
    nilai_kontrak: status === 'Selesai' || status === 'Berlangsung' ? nilai : null,
    nilai_pdn_kontrak: status === 'Selesai' ? part(nilai, isPdn) : null,
    nilai_umk_kontrak: status === 'Selesai' ? part(nilai, isUkm) : null,
    kd_penyedia: String(rng.int(100000, 999999)),
    nama_penyedia: penyedia(),
    status_nontender: status,
    tgl_buat_paket: formatTimestamp(Math.max(0, d - 20), rng.int(28_800, 57_600)),
    tgl_selesai_paket: status === 'Selesai' ? formatTimestamp(d, rng.int(28_800, 57_600)) : null,
  });
  // E-kontrak: contracts of some non-tenders, some with addenda. A contract of a non-tender still
  // "Berlangsung" in the export above counts from here; one already "Selesai" there is not counted twice.
  if ((status === 'Selesai' && rng.chance(0.12)) || (status === 'Berlangsung' && rng.chance(0.5))) {
    const versions = rng.weighted([
      [1, 70],
      [2, 22],
      [3, 8],
    ] as const);
    let v = nilai;
    for (let versi = 0; versi < versions; versi++) {
      if (versi > 0) v = Math.round(v * (1 + (rng.next() - 0.3) * 0.1));
      out.ekontrak.push({
        tahun_anggaran: TAHUN_ANGGARAN,
        kd_klpd: KLPD.kd_klpd,
        nama_klpd: KLPD.nama_klpd,
        kd_satker: id.kd_satker,
        kd_satker_str: id.kd_satker_str,
        nama_satker: a.namaSatker,
        kd_lpse: LPSE,
        kd_nontender: kdNontender,
        kd_rup: p.kd_rup,
        nama_paket: p.nama_paket,
        no_kontrak: `027/${kdNontender}/${versi}/${TAHUN_ANGGARAN}`,
        tgl_kontrak: formatDate(Math.min(LAST_DAY, d + versi * 21)),
        nilai_kontrak: v,
        nilai_pdn_kontrak: part(v, isPdn),
        nilai_umk_kontrak: part(v, isUkm),
        kd_penyedia: String(rng.int(100000, 999999)),
        nama_penyedia: penyedia(),
        status_kontrak: versi === versions - 1 ? 'aktif' : 'addendum',
        apakah_addendum: versi > 0,
        versi_addendum: versi,
      });
    }
  }
}

/** Kontes, Dikecualikan: recorded as pencatatan non-tender. */
export function pencatatanRows(ctx: RealisasiContext, { p, id, isPdn, isUkm, common, d }: Paket): void {
  const { rng, out, realised, part, trx } = ctx;
  if (!rng.chance(0.7)) return;
  const nilai = realised(p.pagu);
  out.pencatatanNonTender.push({
    ...id,
    kd_nontender_pct: trx(),
    kd_rup: p.kd_rup,
    ...common,
    total_realisasi: nilai,
    nilai_pdn_pct: part(nilai, isPdn),
    nilai_umk_pct: part(nilai, isUkm),
    status_nontender_pct: 'selesai',
    status_nontender_pct_ket: 'Paket Selesai',
    tgl_buat_paket: formatTimestamp(Math.max(0, d - 20), rng.int(28_800, 57_600)),
    tgl_selesai_paket: formatTimestamp(d, rng.int(28_800, 57_600)),
  });
}

/** A few SPSE contracts whose kd_rup matches no RUP package (typed wrong, or from a package deleted since). */
export function unmatchedContracts(ctx: RealisasiContext, agencies: readonly AgencySpec[]): void {
  const { rng, out, realised, trx, penyedia, day, identity } = ctx;
  for (let i = 0; i < 6; i++) {
    const a = rng.pick(agencies);
    const pagu = roundPagu(rng, rng.logUniform(30e6, 400e6));
    const nilai = realised(pagu);
    const d = day();
    out.nonTender.push({
      ...identity(a),
      kd_nontender: trx(),
      kd_paket: trx(),
      kd_rup: String(99_000_000 + rng.int(1, 99_999)),
      nama_paket: `Belanja ${rng.pick(['Jasa Kebersihan', 'Cetak Spanduk', 'Sewa Tenda', 'Konsumsi Rapat'])}`,
      mtd_pemilihan: 'Pengadaan Langsung',
      jenis_pengadaan: 'Jasa Lainnya',
      sumber_dana: 'APBD',
      pagu,
      hps: pagu,
      nilai_penawaran: nilai,
      nilai_negosiasi: nilai,
      nilai_kontrak: nilai,
      nilai_pdn_kontrak: null,
      nilai_umk_kontrak: null,
      kd_penyedia: String(rng.int(100000, 999999)),
      nama_penyedia: penyedia(),
      status_nontender: 'Selesai',
      tgl_buat_paket: formatTimestamp(Math.max(0, d - 20), 36_000),
      tgl_selesai_paket: formatTimestamp(d, 50_000),
    });
  }
}

/** Pencatatan swakelola: most counted swakelola packages, rarely with a reported PDN/UMK part. */
export function pencatatanSwakelolaRows(ctx: RealisasiContext, swakelola: readonly SwakelolaRow[]): void {
  const { rng, out, realised, trx, day, identity, sumberDana, agencyOf } = ctx;
  for (const s of swakelola) {
    if (!isCounted(s) || !rng.chance(0.6)) continue;
    const a = agencyOf(s.kd_satker);
    const nilai = realised(s.pagu);
    const d = day();
    out.pencatatanSwakelola.push({
      ...identity(a),
      kd_swakelola_pct: trx(),
      kd_rup: s.kd_rup,
      nama_paket: s.nama_paket,
      tipe_swakelola: s.tipe_swakelola,
      sumber_dana: sumberDana(a),
      pagu: s.pagu,
      total_realisasi: nilai,
      nilai_pdn_pct: rng.chance(0.3) ? Math.round(nilai * rng.next()) : null,
      nilai_umk_pct: rng.chance(0.3) ? Math.round(nilai * rng.next() * 0.6) : null,
      status_swakelola_pct: 'selesai',
      status_swakelola_pct_ket: 'Paket Selesai',
      tgl_buat_paket: formatTimestamp(Math.max(0, d - 30), 36_000),
      tgl_selesai_paket: formatTimestamp(d, 50_000),
    });
  }
}
