/**
 * The dApp page: loads the shipped Deribit snapshot (or a dropped CSV), prices it, and runs the heavy
 * work (Monte Carlo, cascade Monte Carlo, hedging simulation) on the worker pool with progress bars and
 * cancel buttons. Everything on this thread is short: parsing and batch pricing at load, and the
 * pool's planning and merging during a run (the longest task is measured by test/dapp/).
 *
 * `window.__dapp` carries what the page computed (and the long tasks it saw) for the real-browser test.
 */
import snapshotUrl from '../../../data/deribit/deribit_options_snapshot_20251231T091828Z.csv?url';
import accountsUrl from '../../../data/loanbook/euler_v1_accounts_20221030.csv?url';
import marketsUrl from '../../../data/loanbook/euler_v1_account_markets_20221030.csv?url';
import ethDailyUrl from '../../../data/ohlc/ETHUSDT_1d.csv?url';
import { AbortError, type PoolProgress, type WorkerPool, createPool, init } from '../../../dist/index.js';
import { type Remote, wrap } from 'comlink';
import { cascadeChart, frontierChart, histogramChart, smileChart } from './charts.js';
import {
  type CascadeBook, type FrontierResult, type Market, type OptionChain, SHIPPED, cascadeMcSpec, cascadeOnce, currencies, ethDefaults,
  frontierInput, hedgeSpec, isOk, loadCascadeBook, loanMetrics, parseSnapshot, priceMarket, protectionMcSpec, protectionPick,
} from './compute.js';
import type { FrontierApi } from './frontier.worker.js';

interface LongTask { start: number; duration: number }
interface DappState {
  ready: boolean;
  error?: string;
  poolSize?: number;
  market?: { currency: string; file: string; instruments: string[]; iv: number[]; delta: number[]; gamma: number[]; vegaPerVolPt: number[]; thetaPerDay: number[] };
  protectionMc?: unknown;
  frontier?: unknown;
  loan?: unknown;
  cascade?: unknown;
  cascadeMc?: unknown;
  hedge?: unknown;
  progress: Record<string, number[]>;
  aborted: Record<string, string>;
  longTasks: LongTask[];
  /** [start, end, last progress] (performance.now) of each finished run, by panel. */
  runs: Record<string, [number, number, number][]>;
  /** Largest gap between two ticks of this thread's heartbeat during each run, ms, by panel. */
  maxGap: Record<string, number[]>;
  /** Time from a run's last progress report to its result (the pool's merge on this thread), ms, by panel. */
  mergeMs: Record<string, number[]>;
  /** Duration of each start-up phase, ms. */
  timings: Record<string, number>;
}

const state: DappState = { ready: false, progress: {}, aborted: {}, longTasks: [], runs: {}, timings: {}, maxGap: {}, mergeMs: {} };
(window as unknown as { __dapp: DappState }).__dapp = state;

try {
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) state.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
} catch { /* a browser without the Long Tasks API: nothing recorded */ }

const $ = <T extends HTMLElement = HTMLElement>(id: string): T => document.getElementById(id) as T;
const usd = (x: number, digits = 0): string => (Number.isFinite(x) ? x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : '–');
const pct = (x: number, digits = 2): string => (Number.isFinite(x) ? `${(x * 100).toFixed(digits)}%` : '–');
const num = (x: number, digits: number): string => (Number.isFinite(x) ? x.toFixed(digits) : '–');
const errorText = (error: unknown): string => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));

function setStatus(text: string, isError = false): void {
  const el = $('status');
  el.textContent = text;
  el.classList.toggle('error', isError);
}

function fillTable(table: HTMLTableElement, head: string[], rows: (string | number)[][], bad?: boolean[]): void {
  table.tHead!.innerHTML = `<tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr>`;
  const body = table.tBodies[0]!;
  body.textContent = '';
  rows.forEach((cells, r) => {
    const tr = body.insertRow();
    if (bad?.[r]) tr.className = 'bad';
    for (const c of cells) tr.insertCell().textContent = String(c);
  });
}

// ---- data -----------------------------------------------------------------------------------------

let snapshot: OptionChain;
let market: Market;
let ethMarket: Market | null = null;
let book: CascadeBook;
let pool: WorkerPool;

async function text(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.text();
}

function useSnapshot(all: OptionChain, preferred: string): void {
  snapshot = all;
  const list = currencies(all);
  const select = $<HTMLSelectElement>('currency');
  select.innerHTML = list.map((c) => `<option>${c}</option>`).join('');
  select.value = list.includes(preferred) ? preferred : list[0]!;
  ethMarket = list.includes('ETH') ? priceMarket(all, 'ETH') : null;
  $('source-info').textContent = `${all.file}: ${all.n} options (${list.join(', ')}).`;
  showCurrency(select.value);
  const eth = ethDefaults(ethMarket);
  if (eth) {
    $<HTMLInputElement>('loan-eth').value = eth.ethUsd.toFixed(2);
    $<HTMLInputElement>('loan-vol').value = eth.vol.toFixed(4);
  }
  updateLoan();
}

function showCurrency(currency: string): void {
  market = currency === 'ETH' && ethMarket ? ethMarket : priceMarket(snapshot, currency);
  const { chain, solved } = market;
  state.market = {
    currency: market.currency, file: chain.file, instruments: chain.instrument, iv: Array.from(solved.vol),
    delta: Array.from(market.greeks.delta), gamma: Array.from(market.greeks.gamma),
    vegaPerVolPt: Array.from(market.greeks.vegaPerVolPt), thetaPerDay: Array.from(market.greeks.thetaPerDay),
  };
  let compared = 0;
  const diffs: number[] = [];
  for (let i = 0; i < chain.n; i++) {
    if (isOk(solved.status[i]!) && chain.mark[i]! > 0) { compared++; diffs.push(Math.abs(solved.vol[i]! - chain.markIv[i]!) / 0.01); }
  }
  diffs.sort((a, b) => a - b);
  $('iv-summary').textContent = `${chain.n} ${market.currency} options, spot ${usd(market.spot, 2)} USD; `
    + `recomputed IV vs the exchange's: median |ΔIV| ${num(diffs[Math.floor(diffs.length / 2)] ?? NaN, 4)} vol pts over ${compared} options.`;
  const expiry = $<HTMLSelectElement>('expiry');
  const usable = market.smiles.filter((s) => s.days > 0);
  expiry.innerHTML = usable.map((s) => `<option value="${s.label}">${s.label} (${s.days.toFixed(1)} d, ATM ${pct(s.atmIv, 1)})</option>`).join('');
  const near30 = usable.reduce((best, s) => (Math.abs(s.days - 30) < Math.abs(best.days - 30) ? s : best), usable[0]!);
  expiry.value = near30.label;
  showExpiry(near30.label);
  showProtection();
}

function showExpiry(label: string): void {
  const { chain, solved, greeks } = market;
  const smile = market.smiles.find((s) => s.label === label);
  if (!smile) return;
  const idx: number[] = [];
  for (let i = 0; i < chain.n; i++) if (Math.abs(chain.expiryMs[i]! - Date.parse(smile.expiry)) < 1) idx.push(i);
  idx.sort((a, b) => chain.strike[a]! - chain.strike[b]! || chain.isCall[b]! - chain.isCall[a]!);
  fillTable($<HTMLTableElement>('chain'),
    ['instrument', 'strike', 'mark', 'USD', 'IV', 'mark IV', 'ΔIV (vp)', 'delta', 'gamma', 'vega/vp', 'theta/day'],
    idx.map((i) => [chain.instrument[i]!, usd(chain.strike[i]!), num(chain.mark[i]!, 4), usd(solved.priceUsd[i]!, 2),
      pct(solved.vol[i]!), pct(chain.markIv[i]!), num((solved.vol[i]! - chain.markIv[i]!) / 0.01, 3), num(greeks.delta[i]!, 4),
      greeks.gamma[i]!.toExponential(3), num(greeks.vegaPerVolPt[i]!, 2), num(greeks.thetaPerDay[i]!, 2)]),
    idx.map((i) => !isOk(solved.status[i]!)));
  $('smile-label').textContent = `${smile.label}, ATM IV ${pct(smile.atmIv)}`;
  smileChart($('smile-chart'), smile.points.map((p) => p.strike), smile.points.map((p) => p.iv), smile.points.map((p) => p.markIv), smile.forward);
}

function showProtection(): void {
  const { rows } = market.protection;
  fillTable($<HTMLTableElement>('protection'),
    ['put', 'days', 'strike', '% spot', 'IV', 'cost at mark', '% spot', 'cost at ask', 'floor', 'break-even'],
    rows.map((r) => [r.instrument, num(r.days, 1), usd(r.strike), pct(r.moneyness, 0), pct(r.iv), usd(r.costMarkUsd, 2),
      pct(r.costMarkPctSpot), usd(r.costAskUsd, 2), usd(r.floorMarkUsd), usd(r.breakEvenMarkUsd)]));
}

// ---- pool jobs with progress and cancel ------------------------------------------------------------

/**
 * Measures how long this thread goes without running a task while a job runs: a chain of 0 ms timers
 * (clamped to 4 ms by the browser) notes the largest gap between two of them. Independent of the Long
 * Tasks API (which the page also records); `stop()` returns the largest gap in ms.
 */
function heartbeat(): { stop(): number } {
  let last = performance.now();
  let maxGap = 0;
  let timer = 0;
  const tick = (): void => {
    const now = performance.now();
    maxGap = Math.max(maxGap, now - last);
    last = now;
    timer = window.setTimeout(tick, 0);
  };
  timer = window.setTimeout(tick, 0);
  return { stop: () => { window.clearTimeout(timer); return Math.max(maxGap, performance.now() - last); } };
}

/** Runs one pool job for a panel: progress bar, cancel button, AbortError shown, run window recorded. */
async function poolRun<T>(panel: string, run: (options: { onProgress: (p: PoolProgress) => void; signal: AbortSignal }) => Promise<T>,
  show: (result: T) => void): Promise<void> {
  const runButton = $<HTMLButtonElement>(`${panel}-run`);
  const cancel = $<HTMLButtonElement>(`${panel}-cancel`);
  const bar = $<HTMLProgressElement>(`${panel}-progress`);
  const out = $(`${panel}-out`);
  const controller = new AbortController();
  const progress: number[] = [];
  state.progress[panel] = progress;
  delete state.aborted[panel];
  runButton.disabled = true;
  cancel.disabled = false;
  cancel.onclick = () => controller.abort(new Error('cancelled by the user'));
  bar.value = 0;
  out.classList.remove('error');
  out.textContent = 'running…';
  const start = performance.now();
  const beat = heartbeat();
  try {
    let complete = Number.NaN; // when the last piece's progress came: the pool merges right after it, on this thread
    const result = await run({ signal: controller.signal, onProgress: (p) => {
      progress.push(p.fraction);
      bar.value = p.fraction;
      if (p.fraction === 1) complete = performance.now();
    } });
    const end = performance.now();
    (state.runs[panel] ??= []).push([start, end, complete]);
    (state.mergeMs[panel] ??= []).push(end - complete);
    bar.value = 1;
    // the run is over: draw its results in a task of their own (a chart takes a few ms to tens of ms)
    await new Promise((resolve) => setTimeout(resolve, 0));
    show(result);
  } catch (error) {
    if (error instanceof AbortError) state.aborted[panel] = errorText(error);
    out.classList.add('error');
    out.textContent = errorText(error);
  } finally {
    (state.maxGap[panel] ??= []).push(beat.stop());
    runButton.disabled = false;
    cancel.disabled = true;
  }
}

function runProtectionMc(): Promise<void> {
  const row = protectionPick(market);
  if (!row) { $('mc-out').textContent = 'no ~30-day put in this chain'; return Promise.resolve(); }
  const { spec, closedForm } = protectionMcSpec(row, Number($<HTMLInputElement>('mc-paths').value));
  return poolRun('mc', (o) => pool.monteCarlo(spec, o), (r) => {
    state.protectionMc = { instrument: row.instrument, price: r.price, standardError: r.standardError, paths: r.paths, closedForm };
    $('mc-out').textContent = `${row.instrument} (K ${usd(row.strike)}, IV ${pct(row.iv)}): Monte Carlo ${usd(r.price, 2)} ± ${usd(r.standardError, 2)} USD `
      + `over ${r.paths.toLocaleString('en-US')} paths; Black-76 ${usd(closedForm, 2)} (z = ${num((r.price - closedForm) / r.standardError, 2)}); `
      + `the exchange's mark ${usd(row.costMarkUsd, 2)}.`;
  });
}

function runCascadeMc(): Promise<void> {
  const vol = Number($<HTMLInputElement>('loan-vol').value);
  const spec = cascadeMcSpec(book, vol, 30, Number($<HTMLInputElement>('cmc-paths').value));
  return poolRun('cmc', (o) => pool.cascadeMonteCarlo(spec, o), (r) => {
    state.cascadeMc = { vol, paths: r.paths, badDebt: r.badDebt, liquidatedValue: r.liquidatedValue };
    histogramChart($('cmc-chart'), r.outcomes.badDebt, 40, 'bad debt per path (USD)', '#cf222e');
    $('cmc-out').textContent = `${r.paths.toLocaleString('en-US')} paths at ${pct(vol, 1)} vol: bad debt mean ${usd(r.badDebt.mean)} USD, `
      + `VaR 99% ${usd(r.badDebt.q99)}, ES 99% ${usd(r.badDebt.es99)}, P(bad debt > 0) ${pct(r.badDebt.probabilityPositive, 1)}; `
      + `liquidations at risk (99%) ${usd(r.liquidatedValue.q99)} USD.`;
  });
}

function runHedge(): Promise<void> {
  const spec = hedgeSpec(market, Number($<HTMLInputElement>('hedge-paths').value), Number($<HTMLInputElement>('hedge-fee').value));
  if (!spec) { $('hedge-out').textContent = 'no ~30-day expiry with an ATM IV'; return Promise.resolve(); }
  return poolRun('hedge', (o) => pool.simulateHedge(spec, o), (r) => {
    state.hedge = { paths: r.paths, premium: r.premium, pnl: r.pnl, costs: r.costs, trades: r.trades };
    histogramChart($('hedge-chart'), r.outcomes.pnl, 40, 'hedged P&L at expiry (USD)', '#8250df');
    $('hedge-out').textContent = `Short ${market.currency} call K ${usd(spec.option.strike, 0)}, ${num(spec.option.expiryYears * 365, 1)} days, `
      + `premium ${usd(r.premium, 2)} USD, hedged ${spec.steps} times: mean P&L ${usd(r.pnl.mean, 2)} ± ${usd(r.pnl.standardError, 2)}, `
      + `SD ${usd(r.pnl.sd, 2)}, VaR 95% ${usd(r.pnl.valueAtRisk95, 2)}; trading costs ${usd(r.costs.total, 2)} USD per option `
      + `(${pct(r.costs.total / r.premium, 1)} of the premium).`;
  });
}

// ---- lending and cascade (fast, on this thread) ----------------------------------------------------

function updateLoan(): void {
  const out = $('loan-out');
  try {
    const loan = {
      collateralEth: Number($<HTMLInputElement>('loan-collateral').value), debtUsd: Number($<HTMLInputElement>('loan-debt').value),
      liquidationThreshold: Number($<HTMLInputElement>('loan-lt').value), ethUsd: Number($<HTMLInputElement>('loan-eth').value),
      vol: Number($<HTMLInputElement>('loan-vol').value), days: 30,
    };
    const m = loanMetrics(loan);
    state.loan = { input: loan, ...m };
    const lp = m.liquidationPrice;
    const where = lp.side === 'below' ? `liquidated if ETH falls to ${usd(lp.price, 2)} USD (${pct(lp.price / loan.ethUsd - 1, 1)})`
      : lp.side === 'never' ? 'never liquidated by an ETH move' : lp.side === 'always' ? 'liquidatable at any ETH price' : `liquidated above ${usd(lp.price, 2)}`;
    out.classList.remove('error');
    out.textContent = `Health factor ${num(m.healthFactor, 4)}; ${where}; P(liquidation within 30 days) ${pct(m.probability, 2)} `
      + `(${num(m.distanceToLiquidation, 2)} σ to the barrier, ETH vol ${pct(loan.vol, 1)}).`;
  } catch (error) {
    out.classList.add('error');
    out.textContent = errorText(error);
  }
}

function updateCascade(): void {
  const drop = Number($<HTMLInputElement>('shock').value);
  $('shock-out').textContent = `−${Math.round(drop * 100)}%`;
  const r = cascadeOnce(book, drop);
  state.cascade = { drop, rounds: r.rounds, positionsLiquidated: r.positionsLiquidated, debtRepaid: r.debtRepaid, collateralSold: r.collateralSold,
    badDebt: r.badDebt, insolventDebt: r.insolventDebt, totalBadDebt: r.totalBadDebt, finalPrice: r.finalPrice, minPrice: r.minPrice };
  const price = [r.initialPrice * (1 - drop), ...Array.from(r.perRound.priceEnd)];
  let cum = 0;
  const bad = [0, ...Array.from(r.perRound.badDebt, (b) => (cum += b))];
  cascadeChart($('cascade-chart'), price, bad);
  $('cascade-out').textContent = `${book.positions} ETH-collateral loans (ETH ${usd(book.ethUsd, 2)} USD on 2022-10-30), a −${Math.round(drop * 100)}% shock: `
    + `${r.positionsLiquidated} liquidated in ${r.rounds} rounds, ${num(r.collateralSold, 1)} ETH sold, price ${usd(r.finalPrice, 2)} (low ${usd(r.minPrice, 2)}); `
    + `bad debt ${usd(r.badDebt)} + insolvent ${usd(r.insolventDebt)} = ${usd(r.totalBadDebt)} USD.`;
}

/** The frontier worker (frontier.worker.ts), started on first use and replaced after a cancel. */
let frontierWorker: { worker: Worker; remote: Remote<FrontierApi> } | undefined;

function runFrontier(): Promise<void> {
  const input = frontierInput(market, 20_000);
  if (!input) { $('frontier-out').textContent = 'no ~30-day expiry with an ATM IV'; return Promise.resolve(); }
  return poolRun('frontier', ({ onProgress, signal }) => {
    if (!frontierWorker) {
      const worker = new Worker(new URL('./frontier.worker.ts', import.meta.url), { type: 'module' });
      frontierWorker = { worker, remote: wrap<FrontierApi>(worker) };
    }
    const { worker, remote } = frontierWorker;
    return new Promise<FrontierResult>((resolve, reject) => {
      signal.addEventListener('abort', () => {
        worker.terminate(); // a synchronous optimisation cannot be interrupted: stop its worker
        frontierWorker = undefined;
        reject(new AbortError('the frontier was aborted (cancelled by the user)'));
      }, { once: true });
      remote.frontier(input).then((r) => { onProgress({ fraction: 1, price: NaN, standardError: NaN, blocksDone: 1, blockCount: 1 }); resolve(r); }, reject);
    });
  }, (r) => {
    state.frontier = r;
    frontierChart($('frontier-chart'), r.frontier.map((p) => p.cost), r.frontier.map((p) => p.expectedShortfall));
    const best = r.best;
    $('frontier-out').textContent = `${r.candidates} packages on ${r.paths.toLocaleString('en-US')} seeded paths; unhedged CVaR 95% ${usd(r.unhedged.expectedShortfall)} USD. `
      + (best ? `Least CVaR within ${usd(input.budget ?? NaN)} USD: ${best.legs.map((l) => `${l.quantity > 0 ? '+' : ''}${l.quantity} ${l.name}`).join(', ')} `
        + `for ${usd(best.cost, 2)} USD, CVaR ${usd(best.expectedShortfall)} USD.` : 'Nothing fits the budget.');
  });
}

// ---- start ------------------------------------------------------------------------------------------

async function start(): Promise<void> {
  const mark = (phase: string, t0: number): void => { state.timings[phase] = performance.now() - t0; };
  let t = performance.now();
  const [snapshotText, accounts, markets, ethDaily] = await Promise.all([text(snapshotUrl), text(accountsUrl), text(marketsUrl), text(ethDailyUrl), init()]);
  mark('fetch+init', t);
  t = performance.now();
  book = loadCascadeBook(accounts, markets, ethDaily);
  mark('loan book', t);
  t = performance.now();
  const parsed = parseSnapshot(snapshotText, SHIPPED.snapshot);
  mark('parse snapshot', t);
  t = performance.now();
  useSnapshot(parsed, 'BTC');
  mark('price BTC+ETH, render', t);
  t = performance.now();
  updateCascade();
  mark('cascade', t);
  t = performance.now();
  // leave one core to this (UI) thread
  pool = await createPool({ size: Math.max(1, (navigator.hardwareConcurrency || 2) - 1), piecesPerWorker: 16 });
  mark('pool', t);
  state.poolSize = pool.size;

  $('currency').addEventListener('change', (e) => showCurrency((e.target as HTMLSelectElement).value));
  $('expiry').addEventListener('change', (e) => showExpiry((e.target as HTMLSelectElement).value));
  $('reset').addEventListener('click', () => useSnapshot(parseSnapshot(snapshotText, SHIPPED.snapshot), 'BTC'));
  const load = async (file: File): Promise<void> => {
    try {
      useSnapshot(parseSnapshot(await file.text(), file.name), market.currency);
      setStatus(`Loaded ${file.name}.`);
    } catch (error) {
      setStatus(errorText(error), true);
    }
  };
  $<HTMLInputElement>('file').addEventListener('change', (e) => { const f = (e.target as HTMLInputElement).files?.[0]; if (f) void load(f); });
  const drop = $('drop');
  drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => { e.preventDefault(); drop.classList.remove('over'); const f = e.dataTransfer?.files[0]; if (f) void load(f); });
  for (const id of ['loan-collateral', 'loan-debt', 'loan-lt', 'loan-eth', 'loan-vol']) $(id).addEventListener('input', updateLoan);
  $('shock').addEventListener('input', updateCascade);
  $('mc-run').addEventListener('click', () => void runProtectionMc());
  $('cmc-run').addEventListener('click', () => void runCascadeMc());
  $('hedge-run').addEventListener('click', () => void runHedge());
  $('frontier-run').addEventListener('click', () => void runFrontier());
  setStatus(`Ready: WASM loaded, ${pool.size} worker${pool.size > 1 ? 's' : ''} in the pool.`);
  state.ready = true;
}

start().catch((error: unknown) => {
  state.error = errorText(error);
  setStatus(state.error, true);
  console.error(error);
});
