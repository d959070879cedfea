import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { SAMPLE, centsOrNull as cents, readSampleCsv } from '../helpers/sample';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);

export { readSampleCsv };
export const SAMPLE_FILES = [
  'RUP-PaketPenyedia-Terumumkan.csv',
  'RUP-PaketSwakelola-Terumumkan.csv',
  'RUP-StrukturAnggaranPD.csv',
];

export function sha256File(name: string): string {
  return createHash('sha256')
    .update(readFileSync(resolve(SAMPLE, name)))
    .digest('hex');
}

export interface AgencyExpect {
  name: string;
  pdn: bigint;
  umk: bigint;
  pagu: bigint;
  bp: bigint | null;
  packages: number;
}

/** Per-agency komitmen from fixture rows with the domain rule (announced, active, not deleted). */
export function expectAgencies(
  penyedia: Record<string, string>[],
  struktur: Record<string, string>[],
): Map<string, AgencyExpect> {
  const out = new Map<string, AgencyExpect>();
  const get = (kd: string, name: string) => {
    let e = out.get(kd);
    if (!e) out.set(kd, (e = { name, pdn: 0n, umk: 0n, pagu: 0n, bp: null, packages: 0 }));
    return e;
  };
  for (const r of penyedia) {
    const e = get(r['kd_satker']!, r['nama_satker']!);
    const ok =
      r['status_umumkan_rup'] === 'Terumumkan' &&
      r['status_aktif_rup'] === 'true' &&
      r['status_delete_rup'] === 'false';
    if (!ok) continue;
    const p = cents(r['pagu'])!;
    e.packages++;
    e.pagu += p;
    if (r['status_pdn'] === 'PDN') e.pdn += p;
    if (r['status_ukm'] === 'UKM') e.umk += p;
  }
  for (const r of struktur) get(r['kd_satker']!, r['nama_satker']!).bp = cents(r['belanja_pengadaan']);
  return out;
}

export const rp = (c: bigint) => Number(c) / 100;

/** Click a button that downloads a file; return its bytes and suggested name. */
export async function download(page: Page, selector: string): Promise<{ name: string; bytes: Buffer }> {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  const path = await dl.path();
  return { name: dl.suggestedFilename(), bytes: readFileSync(path) };
}

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(bytes: Buffer): { width: number; height: number } {
  if (bytes.subarray(1, 4).toString('latin1') !== 'PNG') throw new Error('not a PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

export function pdfInfoPages(path: string): number {
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  const m = /^Pages:\s+(\d+)/m.exec(info);
  if (!m) throw new Error(`pdfinfo: no page count\n${info}`);
  return Number(m[1]);
}

export function pdfText(path: string, page?: number): string {
  const args = page ? ['-f', String(page), '-l', String(page)] : [];
  return execFileSync('pdftotext', [...args, path, '-'], { encoding: 'utf8' });
}

/** axe-core violations of impact serious or critical on the page as it is now. */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  const has = await page.evaluate(() => 'axe' in window);
  // Evaluated by the test driver, not added as a <script>: the page's CSP (rightly) refuses inline scripts.
  if (!has) await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  return page.evaluate(async () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const axe = (window as any).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return (r.violations as { id: string; impact: string; nodes: { target: string[] }[] }[])
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `${v.id} (${v.impact}): ${v.nodes
            .map((n) => n.target.join(' '))
            .slice(0, 5)
            .join(' | ')}`,
      );
  });
}
