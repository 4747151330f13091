// Plain-SVG charts for the explore page: bars (draggable when asked), lines with markers, and the data table that
// stands behind every chart for screen readers. Strings in, strings out: explore.js puts them into the page.
(function (root) {
  'use strict';

  const PALETTE = { data: '#1f77b4', model: '#ff7f0e', second: '#2ca02c', infinite: '#d62728', accent: '#9467bd', grey: '#666' };
  const W = 640, H = 300, M = { left: 58, right: 22, bottom: 46 };

  function esc(s) {
    return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  }

  /** About `count` round tick values covering [lo, hi]. */
  function ticks(lo, hi, count) {
    if (!(hi > lo)) return [lo];
    const raw = (hi - lo) / count, power = Math.pow(10, Math.floor(Math.log10(raw)));
    const step = [1, 2, 2.5, 5, 10].map(m => m * power).find(s => s >= raw) ?? 10 * power;
    const out = [];
    for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Math.abs(v) < step * 1e-9 ? 0 : v);
    return out;
  }

  function tickLabel(v) {
    const a = Math.abs(v);
    if (a === 0) return '0';
    const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';
    const e = Math.round(Math.log10(a));
    if (a >= 1e4 && Math.abs(a - Math.pow(10, e)) < 1e-9 * a) return '10' + [...String(e)].map(d => SUPERSCRIPT[+d]).join('');
    if (a >= 1e4 || a < 1e-3) return v.toExponential(0);
    return String(Number(v.toPrecision(6)));
  }

  function frame(id, label, body, xLabel, yLabel, legend, interactive, top) {
    const role = interactive ? 'group' : 'img';
    return `<svg class="chart" id="${esc(id)}" viewBox="0 0 ${W} ${H}" role="${role}" aria-label="${esc(label)}" preserveAspectRatio="xMidYMid meet">`
      + body
      + `<text class="axis-label" x="${M.left + (W - M.left - M.right) / 2}" y="${H - 6}" text-anchor="middle">${esc(xLabel)}</text>`
      + `<text class="axis-label" transform="translate(14 ${top + (H - top - M.bottom) / 2}) rotate(-90)" text-anchor="middle">${esc(yLabel)}</text>`
      + legend.svg + '</svg>';
  }

  /** The legend, wrapped into rows across the chart's width: its SVG and the height it takes. */
  function legendLayout(items) {
    let x = M.left, row = 0, out = '';
    for (const item of items) {
      const width = 28 + 7 * [...item.name].reduce((s, ch) => s + (ch.charCodeAt(0) > 0x2e80 ? 1.9 : 1), 0);
      if (x > M.left && x + width > W - M.right) { x = M.left; row++; }
      const y = 8 + 17 * row;
      out += `<g class="legend-item"><rect x="${x}" y="${y}" width="12" height="12" fill="${item.color}"${item.dash ? ' opacity="0.6"' : ''}/>`
        + `<text x="${x + 16}" y="${y + 10}">${esc(item.name)}</text></g>`;
      x += width;
    }
    return { svg: out, height: 8 + 17 * (row + 1) };
  }

  /**
   * Bars per outcome. opts: { id, label, outcomes, series: [{ name, values, color, style: 'bar' | 'marker' }], xLabel,
   * yLabel, yMax?, infinite: Set, highlight: Set, draggable: { index → aria label } | null, infiniteLabel }.
   */
  function barChart(opts) {
    const n = opts.outcomes.length;
    const legend = legendLayout(opts.series.map(s => ({ name: s.name, color: s.color })));
    const T = legend.height + 6;
    const finite = opts.series.flatMap(s => s.values.filter(v => isFinite(v)));
    let yMax = opts.yMax ?? Math.max(1e-12, ...finite) * 1.12;
    let yMin = Math.min(0, ...finite);
    if (yMin < 0) yMin *= 1.12;
    if (!(yMax > yMin)) yMax = yMin + 1;
    const plotW = W - M.left - M.right, plotH = H - T - M.bottom;
    const slot = plotW / n;
    const X = i => M.left + slot * i;
    const Y = v => T + plotH * (yMax - v) / (yMax - yMin);
    let body = '';
    for (const t of ticks(yMin, yMax, 7)) {
      body += `<line class="grid" x1="${M.left}" x2="${W - M.right}" y1="${Y(t)}" y2="${Y(t)}"/>`
        + `<text class="tick" x="${M.left - 6}" y="${Y(t) + 4}" text-anchor="end">${tickLabel(t)}</text>`;
    }
    const bars = opts.series.filter(s => s.style !== 'marker');
    const every = Math.max(1, Math.ceil(n / 24));
    for (let i = 0; i < n; i++) {
      const highlighted = opts.highlight && opts.highlight.has(i);
      if (opts.infinite && opts.infinite.has(i)) {
        body += `<rect class="infinite-bar" x="${X(i) + slot * 0.1}" y="${T}" width="${slot * 0.8}" height="${plotH}" fill="url(#hatch)" stroke="${PALETTE.infinite}"/>`
          + `<text class="infinite-label" x="${X(i) + slot / 2}" y="${T + 14}" text-anchor="middle">${esc(opts.infiniteLabel ?? '∞')}</text>`;
      }
      const width = slot * 0.8 / bars.length;
      bars.forEach((s, j) => {
        const v = s.values[i];
        if (!isFinite(v)) return;
        const y0 = Y(Math.max(0, v)), y1 = Y(Math.min(0, v));
        const x = X(i) + slot * 0.1 + width * j;
        const handle = opts.draggable && j === 0;
        const attrs = handle
          ? ` class="bar bar-handle${highlighted ? ' highlight' : ''}" data-index="${i}" tabindex="0" role="slider" aria-valuemin="0" aria-valuemax="1" aria-valuenow="${v}" aria-label="${esc(opts.draggable(i))}"`
          : ` class="bar${highlighted ? ' highlight' : ''}"`;
        body += `<rect${attrs} x="${x}" y="${y0}" width="${Math.max(1, width * 0.94)}" height="${Math.max(handle ? 2 : 0, y1 - y0)}" fill="${s.color}"/>`;
      });
      for (const s of opts.series.filter(t => t.style === 'marker')) {
        const v = s.values[i];
        if (!isFinite(v)) continue;
        body += `<line class="marker-line" x1="${X(i) + slot * 0.12}" x2="${X(i) + slot * 0.88}" y1="${Y(v)}" y2="${Y(v)}" stroke="${s.color}"/>`
          + `<circle cx="${X(i) + slot / 2}" cy="${Y(v)}" r="3.5" fill="${s.color}"/>`;
      }
      if (i % every === 0) body += `<text class="tick" x="${X(i) + slot / 2}" y="${H - M.bottom + 16}" text-anchor="middle">${esc(opts.outcomes[i])}</text>`;
    }
    if (yMin < 0) body += `<line class="zero" x1="${M.left}" x2="${W - M.right}" y1="${Y(0)}" y2="${Y(0)}"/>`;
    body += `<line class="axis" x1="${M.left}" x2="${M.left}" y1="${T}" y2="${H - M.bottom}"/>`;
    const defs = '<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#fde0e0"/><line x1="0" y1="0" x2="0" y2="6" stroke="#d62728" stroke-width="2"/></pattern></defs>';
    const svg = frame(opts.id, opts.label, defs + body, opts.xLabel, opts.yLabel, legend, !!opts.draggable, T);
    return { svg, geometry: { left: M.left, top: T, plotW, plotH, slot, yMax, yMin, width: W, height: H } };
  }

  /**
   * Curves. opts: { id, label, series: [{ name, xs, ys, color, dash? }], points: [{ x, y, color, name }], vlines:
   * [{ x, color }], hlines: [{ y, color, name }], xLabel, yLabel, logX, yMin?, yMax?, xMin?, xMax? }.
   */
  function lineChart(opts) {
    const tx = opts.logX ? Math.log10 : x => x;
    const legend = legendLayout(opts.series.map(s => ({ name: s.name, color: s.color, dash: s.dash }))
      .concat((opts.hlines ?? []).filter(h => h.name).map(h => ({ name: h.name, color: h.color, dash: true })))
      .concat((opts.points ?? []).filter(p => p.name).map(p => ({ name: p.name, color: p.color }))));
    const T = legend.height + 6;
    const allX = opts.series.flatMap(s => s.xs).concat((opts.points ?? []).map(p => p.x));
    const allY = opts.series.flatMap(s => s.ys).concat((opts.points ?? []).map(p => p.y), (opts.hlines ?? []).map(h => h.y)).filter(v => isFinite(v));
    const xMin = opts.xMin ?? Math.min(...allX), xMax = opts.xMax ?? Math.max(...allX);
    const yMin = opts.yMin ?? Math.min(0, ...allY);
    let yMax = opts.yMax ?? Math.max(...allY) * 1.08;
    if (!(yMax > yMin)) yMax = yMin + 1;
    const plotW = W - M.left - M.right, plotH = H - T - M.bottom;
    const X = x => M.left + plotW * (tx(x) - tx(xMin)) / ((tx(xMax) - tx(xMin)) || 1);
    // Points beyond the range are drawn a little beyond it and cut by the clip path (no false flat tops).
    const span = yMax - yMin;
    const Y = y => T + plotH * (yMax - Math.min(yMax + span, Math.max(yMin - span, y))) / span;
    let body = `<clipPath id="${esc(opts.id)}-clip"><rect x="${M.left}" y="${T}" width="${plotW}" height="${plotH}"/></clipPath>`;
    for (const t of ticks(yMin, yMax, 7)) {
      body += `<line class="grid" x1="${M.left}" x2="${W - M.right}" y1="${Y(t)}" y2="${Y(t)}"/>`
        + `<text class="tick" x="${M.left - 6}" y="${Y(t) + 4}" text-anchor="end">${tickLabel(t)}</text>`;
    }
    const xt = opts.logX ? ticks(Math.log10(xMin), Math.log10(xMax), 5).filter(Number.isInteger).map(e => Math.pow(10, e)) : ticks(xMin, xMax, 6);
    for (const t of xt) body += `<text class="tick" x="${X(t)}" y="${H - M.bottom + 16}" text-anchor="middle">${tickLabel(t)}</text>`;
    for (const h of opts.hlines ?? []) if (isFinite(h.y)) body += `<line class="hline" x1="${M.left}" x2="${W - M.right}" y1="${Y(h.y)}" y2="${Y(h.y)}" stroke="${h.color}" stroke-dasharray="6 4"/>`;
    for (const v of opts.vlines ?? []) body += `<line class="vline" x1="${X(v.x)}" x2="${X(v.x)}" y1="${T}" y2="${H - M.bottom}" stroke="${v.color}" stroke-dasharray="3 3"/>`;
    for (const s of opts.series) {
      let d = '', pen = false;
      s.xs.forEach((x, i) => {
        const y = s.ys[i];
        if (!isFinite(y)) { pen = false; return; }
        d += `${pen ? 'L' : 'M'}${X(x).toFixed(2)} ${Y(y).toFixed(2)}`;
        pen = true;
      });
      body += `<path class="curve" d="${d}" stroke="${s.color}"${s.dash ? ' stroke-dasharray="7 4"' : ''} fill="none" clip-path="url(#${esc(opts.id)}-clip)"/>`;
    }
    for (const p of opts.points ?? []) if (isFinite(p.y)) body += `<circle class="point" cx="${X(p.x)}" cy="${Y(p.y)}" r="5" fill="${p.color}" stroke="#fff" stroke-width="1.5" clip-path="url(#${esc(opts.id)}-clip)"/>`;
    body += `<line class="axis" x1="${M.left}" x2="${M.left}" y1="${T}" y2="${H - M.bottom}"/><line class="axis" x1="${M.left}" x2="${W - M.right}" y1="${H - M.bottom}" y2="${H - M.bottom}"/>`;
    return frame(opts.id, opts.label, body, opts.xLabel, opts.yLabel, legend, false, T);
  }

  /** The table behind a chart: { caption, columns: [..], rows: [[..], ..], rowClass?: i → class }. */
  function dataTable(opts) {
    const head = opts.columns.map(c => `<th scope="col">${esc(c)}</th>`).join('');
    const rows = opts.rows.map((r, i) => `<tr${opts.rowClass && opts.rowClass(i) ? ` class="${opts.rowClass(i)}"` : ''}>`
      + r.map((c, j) => (j === 0 ? `<th scope="row">${c}</th>` : `<td>${c}</td>`)).join('') + '</tr>').join('');
    return `<table class="data-table"><caption>${esc(opts.caption)}</caption><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
  }

  root.KullbackCharts = Object.freeze({ PALETTE, barChart, lineChart, dataTable, esc });
})(typeof globalThis !== 'undefined' ? globalThis : this);
