/**
 * A view change as a person sees it: the figures stay on screen (marked busy) while the new ones are computed,
 * then the new ones replace them, and nothing old is shown once the panels say they are done; the chart's bars,
 * drawn by the app itself, carry a tooltip and a highlighted row; the address bar follows the view, written after
 * the change and before the app opens another view.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { formatRupiahShort, formatShareVsTarget } from '../../src/lib/format';
import { centsOrNull, readSampleCsv } from '../helpers/sample';
import { sampleApp, screenshot, showView } from './browser';

const baseURL = inject('baseURL');

/** Per agency (kd_satker): PDN pagu and the RUP penyedia pagu of the announced, active packages, in cents. */
function penyediaByAgency(): Map<string, { pdn: bigint; pagu: bigint }> {
  const out = new Map<string, { pdn: bigint; pagu: bigint }>();
  for (const r of readSampleCsv('RUP-PaketPenyedia-Terumumkan.csv')) {
    const e = out.get(r['kd_satker']!) ?? { pdn: 0n, pagu: 0n };
    out.set(r['kd_satker']!, e);
    const ok =
      r['status_umumkan_rup'] === 'Terumumkan' &&
      r['status_aktif_rup'] === 'true' &&
      r['status_delete_rup'] === 'false';
    if (!ok) continue;
    const p = centsOrNull(r['pagu'])!;
    e.pagu += p;
    if (r['status_pdn'] === 'PDN') e.pdn += p;
  }
  return out;
}

/**
 * Per agency, the counted RUP penyedia packages of metode `m`: PDN pagu and pagu in cents (the shares under a
 * metode filter with the RUP penyedia denominator).
 */
function penyediaOfMetode(m: string): Map<string, { pdn: bigint; pagu: bigint }> {
  const out = new Map<string, { pdn: bigint; pagu: bigint }>();
  for (const r of readSampleCsv('RUP-PaketPenyedia-Terumumkan.csv')) {
    const ok =
      r['status_umumkan_rup'] === 'Terumumkan' &&
      r['status_aktif_rup'] === 'true' &&
      r['status_delete_rup'] === 'false';
    if (!ok || r['metode_pengadaan'] !== m) continue;
    const e = out.get(r['kd_satker']!) ?? { pdn: 0n, pagu: 0n };
    out.set(r['kd_satker']!, e);
    const p = centsOrNull(r['pagu'])!;
    e.pagu += p;
    if (r['status_pdn'] === 'PDN') e.pdn += p;
  }
  return out;
}

/** Record, at every DOM change of the chart and the cards, whether they are busy and which shares the bars show. */
async function watchFigures(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __seen: { busy: string | null; bars: number; cards: number; shares: string }[] };
    w.__seen = [];
    const snap = () => {
      const chart = document.querySelector('[data-testid=agency-chart]');
      const bars = [...document.querySelectorAll('[data-testid=agency-bar]')];
      w.__seen.push({
        busy: chart?.getAttribute('aria-busy') ?? null,
        bars: bars.length,
        cards: document.querySelectorAll('[data-testid=kpi-cards] .card').length,
        shares: bars.map((b) => `${b.getAttribute('data-agency')}=${b.getAttribute('data-share')}`).sort().join(' '),
      });
    };
    new MutationObserver(snap).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  }); // prettier-ignore
}

const seen = (page: Page) =>
  page.evaluate(
    () =>
      (
        window as unknown as {
          __seen: { busy: string | null; bars: number; cards: number; shares: string }[];
        }
      ).__seen,
  );

const barShares = (page: Page) =>
  page.$$eval('[data-testid=agency-bar]', (bs) =>
    bs
      .map((b) => `${b.getAttribute('data-agency')}=${b.getAttribute('data-share')}`)
      .sort()
      .join(' '),
  );

const app = sampleApp(baseURL);

describe('a view change', () => {
  it('keeps the figures on screen while the new ones are computed, and shows no old figure once done', async () => {
    const { page } = app;
    await showView(page, 'ringkasan');
    await page.waitForSelector('[data-testid=agency-chart][aria-busy=false]');
    const before = await barShares(page);
    await watchFigures(page);
    await page.selectOption('#denominator', 'rup_penyedia');
    await page.waitForSelector('[data-testid=agency-chart][aria-busy=false][data-basis=komitmen]');
    await expect.poll(() => page.textContent('[data-testid=chart-basis]')).toContain('pagu RUP penyedia');
    const after = await barShares(page);

    // The new shares: PDN pagu ÷ RUP penyedia pagu, from the sample file (agencies with a pagu have a bar).
    const expected = [...penyediaByAgency()]
      .filter(([, e]) => e.pagu > 0n)
      .map(([kd, e]) => ({ agency: `kd:${kd}`, share: Number(e.pdn) / Number(e.pagu) }));
    const shown = new Map(
      after.split(' ').map((s) => {
        const [k, v] = s.split('=');
        return [k!, Number(v)];
      }),
    );
    expect([...shown.keys()].sort()).toEqual(expected.map((e) => e.agency).sort());
    for (const e of expected) expect(shown.get(e.agency)).toBeCloseTo(e.share, 10);
    expect(after).not.toBe(before);

    const log = await seen(page);
    // Marked busy while computing (the figures of the old view stay meanwhile)…
    const firstBusy = log.findIndex((s) => s.busy === 'true');
    expect(firstBusy).toBeGreaterThanOrEqual(0);
    // …never emptied: the bars and the cards are on screen at every DOM change…
    for (const s of log) {
      expect(s.bars).toBeGreaterThan(0);
      expect(s.cards).toBeGreaterThanOrEqual(5);
    }
    // …while busy, the old figures or the new; once no longer busy, only the new ones.
    for (const s of log.slice(firstBusy)) {
      if (s.busy === 'true') expect([before, after]).toContain(s.shares);
      else expect(s.shares).toBe(after);
    }
    expect(log.slice(firstBusy).some((s) => s.busy === 'false')).toBe(true);
    await page.selectOption('#denominator', 'belanja_pengadaan');
    await page.waitForSelector('[data-testid=agency-chart][aria-busy=false]');
  });

  it('shows, after changes made in quick succession, the chart and the cards of the last view, each from its own values', async () => {
    const { page } = app;
    await showView(page, 'ringkasan');
    await page.waitForSelector('[data-testid=agency-chart][aria-busy=false]');
    const toggle = page.locator('[data-testid=filter-toggle]');
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    // The most frequent metode of the counted packages, and the one after it: changed one after the other, with
    // the denominator and a target in between, without waiting for the answers.
    const counts = new Map<string, number>();
    for (const r of readSampleCsv('RUP-PaketPenyedia-Terumumkan.csv'))
      counts.set(r['metode_pengadaan']!, (counts.get(r['metode_pengadaan']!) ?? 0) + 1);
    const [m1, m2] = [...counts].sort((a, b) => b[1] - a[1]).map(([m]) => m);
    await page.selectOption('#filter-metode', m1!);
    await page.selectOption('#denominator', 'rup_penyedia');
    await page.getByRole('button', { name: 'PDN 95 %' }).click();
    await page.selectOption('#filter-metode', m2!);
    await page.waitForSelector('[data-testid=agency-chart][aria-busy=false][data-basis=komitmen]');
    await page.waitForSelector('[data-testid=kpi-cards][aria-busy=false]');
    await expect.poll(() => page.textContent('[data-testid=agency-chart]')).toContain('Target 95,0 %');

    // The chart (one query) and the cards (another, with other values) answer for metode m2 and RUP penyedia.
    const e = [...penyediaOfMetode(m2!)].filter(([, x]) => x.pagu > 0n);
    const shown = new Map(
      (await barShares(page)).split(' ').map((b) => {
        const [k, v] = b.split('=');
        return [k!, Number(v)];
      }),
    );
    expect([...shown.keys()].sort()).toEqual(e.map(([kd]) => `kd:${kd}`).sort());
    for (const [kd, x] of e) expect(shown.get(`kd:${kd}`)).toBeCloseTo(Number(x.pdn) / Number(x.pagu), 10);
    const pdn = e.reduce((t, [, x]) => t + x.pdn, 0n);
    const pagu = e.reduce((t, [, x]) => t + x.pagu, 0n);
    expect(Number(await page.getAttribute('[data-testid=card-pdn] .card-value', 'data-value'))).toBe(
      Number(pdn) / 100,
    );
    expect(Number(await page.getAttribute('[data-testid=card-pdn] .card-sub', 'data-share'))).toBeCloseTo(
      Number(pdn) / Number(pagu),
      12,
    );
    const meeting = e.filter(([, x]) => x.pdn * 100n >= x.pagu * 95n).length;
    expect(await page.getAttribute('[data-testid=card-meeting-pdn] .card-value', 'data-n')).toBe(
      String(meeting),
    );
    await screenshot(page, 'view-change-quick-succession');
    await page.selectOption('#filter-metode', '');
    await page.selectOption('#denominator', 'belanja_pengadaan');
    await page.getByRole('button', { name: '40 % / 40 %' }).click();
    await page.waitForSelector('[data-testid=agency-chart][aria-busy=false]');
  });

  it('shows a bar’s share and rupiah in a tooltip over a highlighted row, and hides it when the pointer leaves', async () => {
    const { page } = app;
    await showView(page, 'ringkasan');
    await page.waitForSelector('[data-testid=agency-chart][aria-busy=false]');
    const bar = page.locator('[data-testid=agency-bar]').nth(2);
    const share = Number(await bar.getAttribute('data-share'));
    const value = Number(await bar.getAttribute('data-value'));
    const name = (await bar.getAttribute('aria-label'))!.replace(/^.*?: /, '');
    const box = (await bar.boundingBox())!;
    await page.mouse.move(box.x + Math.min(20, box.width / 2), box.y + box.height / 2);
    const tip = page.locator('[data-testid=chart-tip]');
    await tip.waitFor();
    const text = await tip.textContent();
    expect(text).toContain(name);
    expect(text).toContain(
      `PDN : ${formatShareVsTarget(share, 0.4, 'id')} (${formatRupiahShort(value, 'id')} /`,
    );
    // The row under the pointer is highlighted (a band behind the bars, as wide as the plot).
    expect(await page.locator('[data-testid=agency-svg] > rect[fill="#ccc"]').count()).toBe(1);
    await screenshot(page, 'view-change-tooltip');
    await page.mouse.move(2, 2);
    await tip.waitFor({ state: 'detached' });
    expect(await page.locator('[data-testid=agency-svg] > rect[fill="#ccc"]').count()).toBe(0);
  });

  it('writes the view into the address after the change, and before another view is opened', async () => {
    const { page } = app;
    await showView(page, 'ringkasan');
    await page.getByLabel('UMK-K').first().check({ force: true });
    await expect.poll(() => new URL(page.url()).searchParams.get('k'), { timeout: 3000 }).toBe('umk');
    // A change, then at once another view: the entry left behind carries the change too.
    await page.selectOption('#denominator', 'rup_total');
    await showView(page, 'perangkat-daerah');
    expect(new URL(page.url()).searchParams.get('d')).toBe('rup_total');
    await page.goBack();
    await page.waitForSelector('[data-testid=view-ringkasan]');
    expect(new URL(page.url()).searchParams.get('d')).toBe('rup_total');
    expect(new URL(page.url()).searchParams.get('k')).toBe('umk');
    await page.selectOption('#denominator', 'belanja_pengadaan');
    await page.getByLabel('PDN').first().check({ force: true });
  });
});
