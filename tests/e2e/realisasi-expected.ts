import { cents, readSampleCsv as readCsv } from '../helpers/sample';

export { cents };

export const rp = (c: bigint) => Number(c) / 100;

/*
 * Expected realisasi per agency, computed here from the sample files with the rules of P3DN.md §2 — an independent
 * implementation: the app's SQL is not consulted. Agencies: by code (spaces removed), e-Katalog v5 by SIRUP id,
 * otherwise by name (case and the Pemda suffix ignored). The renamed agency stays unmatched.
 */
export interface Exp {
  total: bigint;
  pdn: bigint;
  umk: bigint;
  tanpaPdn: bigint;
  rows: number;
  tanpaRows: number;
}
export function expectedRealisasi(aliases: Record<string, string> = {}, only?: { source?: string }) {
  const rup = new Map<string, { pdn: boolean; ukm: boolean }>();
  const komitmen = new Map<string, { pdn: bigint; umk: bigint }>();
  const byCode = new Map<string, string>();
  const byName = new Map<string, string>();
  const sirupIds = new Set<string>();
  const bp = new Map<string, bigint>();
  const normName = (s: string) =>
    s
      .toUpperCase()
      .replace(/[^A-Z0-9]+/g, ' ')
      .replace(/\s+KABUPATEN\s+CONTOH\s+MAKMUR\s*$/, '')
      .trim();
  for (const r of readCsv('RUP-PaketPenyedia-Terumumkan.csv')) {
    const kd = r['kd_satker']!;
    sirupIds.add(kd);
    byCode.set(r['kd_satker_str']!, kd);
    byName.set(normName(r['nama_satker']!), kd);
    if (r['status_umumkan_rup'] !== 'Terumumkan' || r['status_aktif_rup'] !== 'true') continue;
    if (r['status_delete_rup'] !== 'false') continue;
    rup.set(r['kd_rup']!, { pdn: r['status_pdn'] === 'PDN', ukm: r['status_ukm'] === 'UKM' });
    const k = komitmen.get(kd) ?? { pdn: 0n, umk: 0n };
    if (r['status_pdn'] === 'PDN') k.pdn += cents(r['pagu']);
    if (r['status_ukm'] === 'UKM') k.umk += cents(r['pagu']);
    komitmen.set(kd, k);
  }
  for (const r of readCsv('RUP-StrukturAnggaranPD.csv')) {
    if (r['belanja_pengadaan']) bp.set(r['kd_satker']!, cents(r['belanja_pengadaan']));
  }
  const out = new Map<string, Exp>();
  let unmatched = 0n;
  const add = (
    r: Record<string, string>,
    nilai: string,
    pdn: string | undefined,
    umk: string | undefined,
    ecatV5 = false,
    source = '',
  ) => {
    if (only?.source !== undefined && only.source !== source) return;
    const code = (r['kd_satker_str'] ?? '').replace(/\s+/g, '');
    const owner =
      (code && byCode.get(code)) ||
      (ecatV5 && sirupIds.has(r['satker_id'] ?? '') ? r['satker_id'] : undefined) ||
      byName.get(normName(r['nama_satker'] ?? '')) ||
      aliases[normName(r['nama_satker'] ?? '')];
    const v = cents(nilai);
    if (!owner) {
      unmatched += v;
      return;
    }
    const e = out.get(owner) ?? { total: 0n, pdn: 0n, umk: 0n, tanpaPdn: 0n, rows: 0, tanpaRows: 0 };
    out.set(owner, e);
    e.total += v;
    e.rows++;
    const flags = rup.get(r['kd_rup'] ?? r['kd_rup_paket'] ?? '');
    if (pdn) e.pdn += cents(pdn);
    else if (flags) e.pdn += flags.pdn ? v : 0n;
    else {
      e.tanpaPdn += v;
      e.tanpaRows++;
    }
    if (umk) e.umk += cents(umk);
    else if (flags) e.umk += flags.ukm ? v : 0n;
  };
  for (const r of readCsv('SPSE-TenderSelesaiNilai.csv'))
    add(
      { ...r, kd_rup: r['kd_rup_paket']! },
      r['nilai_kontrak']!,
      r['nilai_pdn_kontrak'],
      r['nilai_umk_kontrak'],
      false,
      'spse_tender',
    );
  const doneNonTender = new Set<string>();
  for (const r of readCsv('SPSE-NonTenderSelesai.csv')) {
    if (r['status_nontender'] !== 'Selesai') continue;
    doneNonTender.add(r['kd_nontender']!);
    add(r, r['nilai_kontrak']!, r['nilai_pdn_kontrak'], r['nilai_umk_kontrak'], false, 'spse_nontender');
  }
  for (const r of readCsv('SPSE-PencatatanNonTender.csv')) {
    if (r['status_nontender_pct_ket']!.toLowerCase().includes('batal')) continue;
    add(r, r['total_realisasi']!, r['nilai_pdn_pct'], r['nilai_umk_pct'], false, 'spse_pencatatan_nontender');
  }
  for (const r of readCsv('SPSE-PencatatanSwakelola.csv'))
    add(r, r['total_realisasi']!, r['nilai_pdn_pct'], r['nilai_umk_pct'], false, 'spse_pencatatan_swakelola');
  const latest = new Map<string, Record<string, string>>();
  for (const r of readCsv('SPSE-NonTenderEkontrak-Kontrak.csv')) {
    const prev = latest.get(r['kd_nontender']!);
    if (!prev || Number(r['versi_addendum']) > Number(prev['versi_addendum']))
      latest.set(r['kd_nontender']!, r);
  }
  for (const r of latest.values()) {
    if (!doneNonTender.has(r['kd_nontender']!))
      add(r, r['nilai_kontrak']!, r['nilai_pdn_kontrak'], r['nilai_umk_kontrak'], false, 'spse_ekontrak');
  }
  for (const r of readCsv('Ecat-PaketEPurchasing.csv')) {
    if (r['paket_status_str'] === 'Paket Selesai')
      add(r, r['total_harga']!, undefined, undefined, true, 'ekatalog_v5');
  }
  for (const r of readCsv('Ecat-PaketEPurchasing-V6.csv')) {
    if (r['status_pkt'] === 'COMPLETED')
      add(r, r['total_harga']!, undefined, undefined, false, 'ekatalog_v6');
  }
  const orders = new Set<string>();
  for (const r of readCsv('Bela-TokoDaringRealisasi.csv')) {
    if (r['status_verif'] !== 'verified' || r['status_konfirmasi_ppmse'] !== 'selesai') continue;
    if (orders.has(r['order_id']!)) continue;
    orders.add(r['order_id']!);
    add(r, r['valuasi']!, undefined, undefined, false, 'tokodaring');
  }
  return { out, unmatched, komitmen, bp };
}
