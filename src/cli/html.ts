/**
 * `tailguard report --html FILE`: the report as one self-contained HTML page. Every section's text (the same
 * lines as the terminal report) with charts drawn by uPlot (github.com/leeoniya/uPlot, MIT; a pinned
 * dependency of the CLI only, never imported by the library entry), whose script and stylesheet are inlined
 * from node_modules together with the report's JSON, so the page loads nothing from the network.
 * Charts: the smile per expiry, the protection frontier (cost against CVaR), the hedging P&L histogram, the
 * vol cone, the cascade of section 5; the scenario grid is a heat-coloured table.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { renderText } from './render.js';
import type { Report } from './report.js';

/** The uPlot files inlined into the page (from the installed package's dist/ folder). */
export function uplotAssets(): { js: string; css: string } {
  const dist = dirname(createRequire(import.meta.url).resolve('uplot'));
  return {
    js: readFileSync(join(dist, 'uPlot.iife.min.js'), 'utf8'),
    css: readFileSync(join(dist, 'uPlot.min.css'), 'utf8'),
  };
}

/** Text for an HTML text node. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** JSON that is safe inside a `<script>` element (no `</script>`, no `<!--`). */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** Inline script text (the library's own code) safe inside a `<script>` element. */
function scriptText(js: string): string {
  return js.replace(/<\/script/gi, '<\\/script');
}

/** The text report split at its numbered section headings (`1. …` at column 0); [0] is the header. */
export function splitSections(text: string): string[] {
  const parts: string[][] = [[]];
  for (const line of text.split('\n')) {
    if (/^\d+\. /.test(line)) parts.push([]);
    parts[parts.length - 1]!.push(line);
  }
  return parts.map((p) => p.join('\n').replace(/\s+$/, ''));
}

/** Background colour of a grid cell: red for losses, green for gains, by |P&L| / the largest |P&L|. */
function heat(pnl: number, scale: number): string {
  if (!Number.isFinite(pnl) || scale <= 0) return '#eee';
  const a = Math.min(Math.abs(pnl) / scale, 1);
  const [r, g, b] = pnl < 0 ? [220, 60, 60] : [40, 160, 80];
  return `rgba(${r},${g},${b},${(0.1 + 0.8 * a).toFixed(3)})`;
}

function gridTable(r: Report): string {
  const p = r.portfolio;
  if (p === null) return '';
  const g = p.grid;
  const scale = Math.max(...g.pnlUsd.map((x) => Math.abs(x)).filter(Number.isFinite), 0);
  const nv = g.volShocks.length;
  const head = g.volShocks.map((v) => `<th>vol ${v >= 0 ? '+' : ''}${Math.round(v * 100)} vp</th>`).join('');
  const rows = g.spotShocks.map((s, i) => {
    const cells = g.volShocks.map((_, j) => {
      const x = g.pnlUsd[i * nv + j]!;
      return `<td style="background:${heat(x, scale)}">${escapeHtml(Math.round(x).toLocaleString('en-US'))}</td>`;
    }).join('');
    return `<tr><th>${s > 0 ? '+' : ''}${Math.round(s * 100)}%</th>${cells}</tr>`;
  }).join('\n');
  return `<table class="heat"><caption>Scenario grid: P&amp;L in USD (spot move x vol shift)</caption>
<tr><th>spot</th>${head}</tr>
${rows}
</table>`;
}

/** The page's own chart code (runs in the browser; reads the embedded report JSON). */
const CHARTS = String.raw`
(function () {
  var R = JSON.parse(document.getElementById('report-data').textContent);
  var W = 860, H = 300;
  var colors = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f',
    '#bcbd22', '#17becf', '#393b79', '#637939'];
  function el(id) { return document.getElementById(id); }
  function union(lists) {
    var s = {}; lists.forEach(function (l) { l.forEach(function (x) { s[x] = true; }); });
    return Object.keys(s).map(Number).sort(function (a, b) { return a - b; });
  }
  function aligned(xs, pairs) {
    var m = {}; pairs.forEach(function (p) { m[p[0]] = p[1]; });
    return xs.map(function (x) { return x in m ? m[x] : null; });
  }
  function plot(id, title, xLabel, yLabel, xs, series, extra) {
    var target = el(id); if (!target || xs.length === 0) return;
    var opts = Object.assign({
      title: title, width: W, height: H,
      scales: { x: { time: false } },
      axes: [{ label: xLabel }, { label: yLabel, size: 70 }],
      series: [{ label: xLabel }].concat(series.map(function (s, i) {
        return Object.assign({ stroke: colors[i % colors.length], width: 1.5, spanGaps: true, points: { show: true, size: 4 } }, s.opts, { label: s.label });
      }))
    }, extra || {});
    new uPlot(opts, [xs].concat(series.map(function (s) { return s.data; })), target);
  }
  // 2. smiles: recomputed IV (%) by strike, one series per expiry
  var sm = R.smiles.filter(function (s) { return s.points.length > 0; });
  var ks = union(sm.map(function (s) { return s.points.map(function (p) { return p.strike; }); }));
  plot('chart-smile', 'Smile per expiry: recomputed IV (%) by strike', 'strike (USD)', 'IV %', ks, sm.map(function (s) {
    return { label: s.label, data: aligned(ks, s.points.map(function (p) { return [p.strike, p.iv * 100]; })) };
  }));
  // 5. cascades: final price vs the shock and bad debt
  if (R.lending && R.lending.shocks) {
    var sh = R.lending.shocks.slice().sort(function (a, b) { return b.drop - a.drop; }); // x ascending
    plot('chart-cascade', 'Cascade of the ETH-collateral loans under ETH/USD shocks', 'shock (%)', 'USD',
      sh.map(function (x) { return -x.drop * 100; }), [
        { label: 'shocked price', data: sh.map(function (x) { return x.shockedPrice; }) },
        { label: 'final price after the cascade', data: sh.map(function (x) { return x.cascade.finalPrice; }) },
        { label: 'bad debt (M USD)', data: sh.map(function (x) { return x.cascade.totalBadDebt / 1e6; }), opts: { scale: 'm' } }
      ], { axes: [{ label: 'ETH/USD shock (%)' }, { label: 'ETH/USD', size: 70 }, { side: 1, scale: 'm', label: 'bad debt, M USD', grid: { show: false } }],
        scales: { x: { time: false }, m: {} } });
  }
  // 6. frontier: cost against CVaR per kind of package
  var mn = R.menu && R.menu.menu;
  if (mn) {
    var kinds = [['puts', mn.frontierPuts], ['put spreads', mn.frontierPutSpreads], ['all (collars)', mn.frontier]];
    var cs = union(kinds.map(function (k) { return k[1].map(function (p) { return p.cost; }); }));
    plot('chart-frontier', 'Protection frontier: cost against CVaR' + Math.round(mn.confidence * 100) + ' (USD)', 'cost (USD)', 'CVaR (USD)', cs,
      kinds.map(function (k) { return { label: k[0], data: aligned(cs, k[1].map(function (p) { return [p.cost, p.expectedShortfall]; })) }; }));
  }
  var bw = R.menu && R.menu.borrower;
  if (bw) {
    var pts = [bw.baseline].concat(bw.remedies);
    var fr = bw.frontier.map(function (i) { return pts[i]; });
    plot('chart-borrower', 'Sample borrower: remedy cost against P(liquidation), frontier', 'cost (USD)', 'P(liq) %',
      fr.map(function (p) { return p.cost; }), [{ label: 'P(liquidation) %', data: fr.map(function (p) { return p.probability * 100; }) }]);
  }
  // 7. hedging P&L histogram
  var hd = R.hedging;
  if (hd && hd.histogram.edges.length > 1) {
    var e = hd.histogram.edges, mids = [];
    for (var i = 0; i + 1 < e.length; i++) mids.push((e[i] + e[i + 1]) / 2);
    plot('chart-hedge', 'Hedging P&L at expiry per path (USD): paths per bin', 'P&L (USD)', 'paths', mids,
      hd.rows.map(function (r, k) {
        return { label: r.label, data: hd.histogram.counts[k], opts: { paths: uPlot.paths.stepped({ align: 1 }), points: { show: false } } };
      }));
  }
  // 8. vol cone
  var rv = R.realized;
  if (rv) {
    var c = rv.cone, ws = c.rows.map(function (r) { return r.window; });
    var ser = c.percentiles.map(function (p, j) {
      return { label: 'p' + Math.round(p * 100), data: c.rows.map(function (r) { return r.values[j] * 100; }) };
    });
    ser.push({ label: 'latest', data: c.rows.map(function (r) { return r.latest * 100; }), opts: { dash: [4, 4] } });
    ser.push({ label: 'ATM implied', data: c.rows.map(function () { return rv.implied.vol * 100; }), opts: { dash: [8, 4] } });
    plot('chart-cone', 'Volatility cone (' + c.estimator + ', ' + c.from + ' to ' + c.to + ')', 'window (days)', 'vol %', ws, ser);
  }
})();
`;

/** Chart placeholders shown after each section (by section number). */
const CHARTS_BY_SECTION: Readonly<Record<string, string[]>> = {
  2: ['chart-smile'], 5: ['chart-cascade'], 6: ['chart-frontier', 'chart-borrower'], 7: ['chart-hedge'], 8: ['chart-cone'],
};

/**
 * The report as one HTML page (a string): the text sections, the charts and the grid table, with uPlot's
 * script and stylesheet and the report's JSON (`<script type="application/json" id="report-data">`) inline.
 * @param assets uPlot's `{ js, css }` (default: read from the installed package, {@link uplotAssets}).
 */
export function renderHtml(r: Report, assets: { js: string; css: string } = uplotAssets()): string {
  const s = r.snapshot;
  const sections = splitSections(renderText(r));
  const body = sections.map((text, i) => {
    const n = i === 0 ? '' : /^(\d+)\./.exec(text)?.[1] ?? '';
    const charts = (CHARTS_BY_SECTION[n] ?? []).map((id) => `<div class="chart" id="${id}"></div>`).join('\n');
    const grid = n === '9' ? gridTable(r) : '';
    return `<section${n ? ` id="section-${n}"` : ''}>\n<pre>${escapeHtml(text)}</pre>\n${charts}${grid}\n</section>`;
  }).join('\n');
  const title = `tailguard report: ${s.currency} options, Deribit snapshot of ${s.timestamp}`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
${assets.css}
body { font-family: system-ui, sans-serif; margin: 1.5em auto; max-width: 960px; color: #222; }
pre { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 12.5px; line-height: 1.35; overflow-x: auto; }
section { border-top: 1px solid #ccc; padding-top: 0.5em; }
.chart { margin: 0.8em 0 1.2em; }
table.heat { border-collapse: collapse; font: 13px ui-monospace, monospace; margin: 0.5em 0 1.5em; }
table.heat th, table.heat td { border: 1px solid #bbb; padding: 3px 10px; text-align: right; }
table.heat caption { text-align: left; font-weight: 600; padding-bottom: 4px; }
</style>
</head>
<body>
${body}
<script type="application/json" id="report-data">${scriptJson(r)}</script>
<script>${scriptText(assets.js)}</script>
<script>${CHARTS}</script>
</body>
</html>
`;
}
