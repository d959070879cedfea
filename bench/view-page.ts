/**
 * In-page parts of the view-change benchmark, as source text evaluated in the page (so that no bundler helper
 * reaches it). `__viewBench.change(step)` applies one control change the way a user does (a select's value and
 * its change event, a radio click, a typed target), then waits until every query of the page has come back and
 * the cards, chart and table are drawn (not busy: checked at each DOM change and each time the engine has answered
 * everything, never by polling, which would take the CPU from the page it measures; then the next animation
 * frame: painted), and returns the time taken and the long
 * tasks (PerformanceObserver 'longtask') that overlapped it.
 */
export const LONGTASK_INIT = `
  window.__longtasks = [];
  try {
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longtasks.push([e.startTime, e.duration]); })
      .observe({ type: 'longtask', buffered: true });
  } catch (e) { window.__longtasks = null; }
`;

export const VIEW_BENCH_SRC = `(() => {
  const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
  const busy = () => {
    // The figures the open view shows (the summary view: cards and chart; the agencies view: the table).
    const shown = ['kpi-cards', 'agency-chart', 'agency-table']
      .map((id) => document.querySelector('[data-testid=' + id + ']'))
      .filter(Boolean);
    if (shown.length === 0) return true;
    if (shown.some((el) => el.getAttribute('aria-busy') === 'true')) return true;
    const probe = window.__pantauEngine;
    return probe ? probe.inflight() > 0 : false;
  };
  const setSelect = (id, value) => {
    const el = document.getElementById(id);
    if (!el) throw new Error('no control #' + id);
    if (![...el.options].some((o) => o.value === value)) throw new Error('#' + id + ' has no option ' + value);
    el.value = value;
    el.dispatchEvent(new Event('change', { bubbles: true }));
  };
  const setNumber = (id, value) => {
    const el = document.getElementById(id);
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
    setter.call(el, String(value));
    el.dispatchEvent(new Event('input', { bubbles: true }));
  };
  const click = (sel) => {
    const el = document.querySelector(sel);
    if (!el) throw new Error('no control ' + sel);
    el.click();
  };
  const apply = (s) => {
    if (s.type === 'basis') click('[data-testid=basis-switch] input[value=' + s.value + ']');
    else if (s.type === 'kpi') click('input[name=kpi][value=' + s.value + ']');
    else if (s.type === 'den') setSelect('denominator', s.value);
    else if (s.type === 'target') setNumber('target-' + s.kpi, s.value);
    else setSelect('filter-' + s.type, s.value);
  };
  window.__viewBench = {
    options(id) {
      const el = document.getElementById(id);
      return el ? [...el.options].map((o) => o.value) : [];
    },
    async change(step) {
      await frame();
      const sent0 = window.__pantauEngine?.sent ? window.__pantauEngine.sent() : null;
      const t0 = performance.now();
      apply(step);
      // React renders a discrete event's update at once: a query not cached shows as busy from here on.
      const applied = performance.now() - t0;
      const probe = window.__pantauEngine;
      let answered = probe && probe.inflight() > 0 ? null : applied;
      await new Promise((resolve) => {
        let off = null;
        const mo = new MutationObserver(() => check());
        const check = () => {
          if (answered === null && probe.inflight() === 0) answered = performance.now() - t0;
          if (busy()) return;
          mo.disconnect();
          off?.();
          resolve();
        };
        mo.observe(document.body, { attributes: true, attributeFilter: ['aria-busy'], childList: true, subtree: true });
        off = probe && probe.onSettled ? probe.onSettled(check) : null;
        check();
      });
      const ready = performance.now() - t0;
      // What a person sees: the next frame after the answer is in the DOM.
      await frame();
      const t1 = performance.now();
      const lt = (window.__longtasks || []).filter(([s, d]) => s + d > t0 && s < t1);
      const sent1 = sent0 ? window.__pantauEngine.sent() : null;
      const trips = sent1 ? sent1.trips - sent0.trips : NaN;
      const queries = sent1 ? sent1.queries - sent0.queries : NaN;
      return { ms: t1 - t0, ready, applied, answered: answered ?? ready, trips, queries, longTasks: lt.length, longestTask: lt.reduce((m, [, d]) => Math.max(m, d), 0) };
    },
    memory() {
      const m = performance.memory;
      return m ? { used: m.usedJSHeapSize, total: m.totalJSHeapSize } : null;
    },
  };
})()`;

/** One measured change: ms from the event to the painted frame; its parts (see `change`); long tasks. */
export interface Change {
  ms: number;
  ready: number;
  applied: number;
  answered: number;
  /** Calls of the engine (round trips) and the queries they carried during the change (NaN: a build without). */
  trips: number;
  queries: number;
  longTasks: number;
  longestTask: number;
}

declare global {
  interface Window {
    __viewBench?: {
      options: (id: string) => string[];
      change: (step: unknown) => Promise<Change>;
      memory: () => { used: number; total: number } | null;
    };
  }
}
