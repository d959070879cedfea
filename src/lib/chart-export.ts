/**
 * Charts as standalone files: the chart's SVG with its title, basis lines and legend drawn in, on white; as SVG
 * text or as a PNG at `scale`× (2× by default). Built with DOM calls, so user text is always text, never markup.
 */
interface LegendItem {
  /** A filled swatch (a colour or a pattern id), or the dashed target line. */
  swatch: { fill: string; hatch?: boolean } | 'line';
  label: string;
}

export interface ChartExportSpec {
  title: string;
  lines: readonly string[];
  legend: readonly LegendItem[];
}

const NS = 'http://www.w3.org/2000/svg';
const STYLE_PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
] as const;

function el<K extends keyof SVGElementTagNameMap>(
  name: K,
  attrs: Record<string, string | number>,
  text?: string,
): SVGElementTagNameMap[K] {
  const e = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

/** Copy the computed presentation styles onto the clone, so CSS-styled parts look the same outside the page. */
function inlineStyles(src: Element, dst: Element): void {
  const a = [src, ...src.querySelectorAll('*')];
  const b = [dst, ...dst.querySelectorAll('*')];
  a.forEach((s, i) => {
    const d = b[i];
    if (!d) return;
    const cs = getComputedStyle(s);
    // A computed url(#id) is absolute (page address): keep the element's own relative reference instead.
    // Through the CSSOM, not `setAttribute('style', …)`: the page's CSP refuses inline style attributes.
    const target = (d as SVGElement).style;
    target.cssText = '';
    for (const p of STYLE_PROPS) {
      const v = cs.getPropertyValue(p);
      if (v !== '' && !v.includes('url(')) target.setProperty(p, v);
    }
  });
}

export function standaloneSvg(
  chart: SVGSVGElement,
  spec: ChartExportSpec,
): { svg: string; width: number; height: number } {
  const box = chart.getBoundingClientRect();
  const cw = Math.ceil(box.width);
  const ch = Math.ceil(box.height);
  const width = Math.max(cw + 32, 640);
  const titleH = 34;
  const lineH = 20;
  const legendH = 30;
  const top = titleH + spec.lines.length * lineH + legendH + 8;
  const height = top + ch + 16;
  const root = el('svg', { xmlns: NS, width, height, viewBox: `0 0 ${width} ${height}` });
  root.setAttribute('font-family', 'system-ui, "Segoe UI", Roboto, "Noto Sans", sans-serif');
  root.append(el('rect', { x: 0, y: 0, width, height, fill: '#ffffff' }));
  const defs = el('defs', {});
  const pattern = el('pattern', {
    id: 'export-hatch',
    patternUnits: 'userSpaceOnUse',
    width: 6,
    height: 6,
    patternTransform: 'rotate(45)',
  });
  pattern.append(el('rect', { width: 6, height: 6, fill: '#D55E00', opacity: 0.55 }));
  pattern.append(el('line', { x1: 0, y1: 0, x2: 0, y2: 6, stroke: '#D55E00', 'stroke-width': 3 }));
  defs.append(pattern);
  root.append(defs);
  root.append(el('text', { x: 16, y: 26, 'font-size': 18, 'font-weight': 700, fill: '#1b1f24' }, spec.title));
  spec.lines.forEach((l, i) =>
    root.append(el('text', { x: 16, y: titleH + 14 + i * lineH, 'font-size': 13, fill: '#1b1f24' }, l)),
  );
  let x = 16;
  const ly = titleH + spec.lines.length * lineH + 8;
  for (const item of spec.legend) {
    if (item.swatch === 'line') {
      root.append(
        el('line', {
          x1: x,
          y1: ly + 8,
          x2: x + 20,
          y2: ly + 8,
          stroke: '#111',
          'stroke-width': 2,
          'stroke-dasharray': '6 3',
        }),
      );
      x += 26;
    } else {
      const fill = item.swatch.hatch ? 'url(#export-hatch)' : item.swatch.fill;
      root.append(el('rect', { x, y: ly, width: 16, height: 16, fill, stroke: item.swatch.fill }));
      x += 22;
    }
    const t = el('text', { x, y: ly + 13, 'font-size': 13, fill: '#1b1f24' }, item.label);
    root.append(t);
    x += item.label.length * 7.2 + 18;
  }
  const clone = chart.cloneNode(true) as SVGSVGElement;
  inlineStyles(chart, clone);
  clone.removeAttribute('class');
  clone.setAttribute('x', '16');
  clone.setAttribute('y', String(top));
  clone.setAttribute('width', String(cw));
  clone.setAttribute('height', String(ch));
  if (!clone.getAttribute('viewBox')) clone.setAttribute('viewBox', `0 0 ${cw} ${ch}`);
  clone.style.removeProperty('width');
  clone.style.removeProperty('height');
  root.append(clone);
  return { svg: new XMLSerializer().serializeToString(root), width, height };
}

export async function svgToPng(svg: string, width: number, height: number, scale = 2): Promise<Blob> {
  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('Canvas 2D unavailable');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  return new Promise((ok, fail) =>
    canvas.toBlob((b) => (b ? ok(b) : fail(new Error('PNG encoding failed'))), 'image/png'),
  );
}
