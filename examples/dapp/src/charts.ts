/** The page's charts, drawn with uPlot (small canvas charts); each call replaces the chart in `host`. */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

const charts = new Map<HTMLElement, uPlot>();

function width(host: HTMLElement): number {
  return Math.max(320, Math.floor(host.clientWidth || host.parentElement?.clientWidth || 560));
}

function draw(host: HTMLElement, options: Omit<uPlot.Options, 'width' | 'height'>, data: uPlot.AlignedData): void {
  charts.get(host)?.destroy();
  host.textContent = '';
  charts.set(host, new uPlot({ width: width(host), height: 240, ...options }, data, host));
}

/** A series drawn as markers only (no line between them). */
const points = (stroke: string): uPlot.Series => ({ stroke, paths: () => null, points: { show: true, size: 6, fill: stroke } });

/** IV (%) against strike: recomputed IVs as points, the exchange's mark IVs as a line. */
export function smileChart(host: HTMLElement, strikes: number[], iv: number[], markIv: number[], forward: number): void {
  draw(host, {
    scales: { x: { time: false } },
    axes: [{ label: `strike (USD), forward ${forward.toFixed(0)}` }, { label: 'IV %', size: 50 }],
    // the exchange's line first, the recomputed points on top (they agree to ~0.003 vol points)
    series: [{ label: 'strike' }, { label: 'mark IV %', stroke: '#e36209', width: 1.5, points: { show: false } },
      { label: 'recomputed IV %', ...points('#1f6feb') }],
  }, [strikes, markIv.map((v) => v * 100), iv.map((v) => v * 100)]);
}

/** Expected shortfall against cost along the protection frontier (USD). */
export function frontierChart(host: HTMLElement, cost: number[], shortfall: number[]): void {
  draw(host, {
    scales: { x: { time: false } },
    axes: [{ label: 'net premium (USD)' }, { label: 'CVaR 95% (USD)', size: 60 }],
    series: [{ label: 'cost' }, { label: 'CVaR 95%', stroke: '#2da44e', width: 2, points: { show: true, size: 6 } }],
  }, [cost, shortfall]);
}

/** Venue price and cumulative bad debt per cascade round. */
export function cascadeChart(host: HTMLElement, price: number[], cumulativeBadDebt: number[]): void {
  draw(host, {
    scales: { x: { time: false }, usd: {} },
    axes: [{ label: 'round' }, { label: 'ETH/USD at the venue', size: 60 }, { scale: 'usd', side: 1, label: 'bad debt (USD)', size: 70, grid: { show: false } }],
    series: [{ label: 'round' }, { label: 'venue price', stroke: '#1f6feb', width: 2 },
      { label: 'cumulative bad debt', stroke: '#cf222e', width: 2, scale: 'usd' }],
  }, [price.map((_, i) => i), price, cumulativeBadDebt]);
}

/** A histogram of `values` (finite ones) in `bins` equal bins. */
export function histogramChart(host: HTMLElement, values: ArrayLike<number>, bins: number, xLabel: string, color: string): void {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
  }
  if (!(hi >= lo)) { charts.get(host)?.destroy(); host.textContent = 'no finite outcome'; return; }
  const span = hi > lo ? hi - lo : 1;
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isFinite(v)) counts[Math.min(bins - 1, Math.floor(((v - lo) / span) * bins))]! += 1;
  }
  const centres = counts.map((_, k) => lo + ((k + 0.5) * span) / bins);
  draw(host, {
    scales: { x: { time: false } },
    axes: [{ label: xLabel }, { label: 'paths', size: 50 }],
    series: [{ label: xLabel }, { label: 'paths', stroke: color, fill: `${color}55`, paths: uPlot.paths.bars!({ size: [0.9, 100] }), points: { show: false } }],
  }, [centres, counts]);
}
