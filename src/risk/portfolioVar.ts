/**
 * Portfolio Value at Risk and Expected Shortfall (issue #6 §5): historical and Monte Carlo by full
 * revaluation, and parametric (delta-normal, delta-gamma-normal) from the aggregated Greeks.
 *
 * Sign convention: loss L = −P&L in USD; VaR and ES are losses, positive for a loss (a negative figure means
 * even the tail is a gain). Quantile rule for the scenario methods: the lower α-quantile of the empirical loss
 * distribution with equal weights, the order statistic L₍⌈αn⌉₎ (Rockafellar & Uryasev 2002), and their CVaR,
 * computed by the project's `valueAtRisk` / `expectedShortfall` ('historical').
 */
import { normInv, normPdf } from '../reference/normal.js';
import { checkKnownFields, checkObject, fail } from '../options/validate.js';
import { checkColumn } from '../options/columns.js';
import { portfolioRisk } from './portfolio.js';
import type { Portfolio, PortfolioVaR, PortfolioVaRMethod, PortfolioVaROptions } from './portfolioTypes.js';
import { emptyScenarios, revalue } from './portfolioRevalue.js';
import { compilePortfolio, type Book } from './portfolioValidate.js';
import { scenarioNormals } from './scenarioRandom.js';
import { expectedShortfall, valueAtRisk } from './tailRisk.js';

const METHODS: readonly PortfolioVaRMethod[] = ['historical', 'delta-normal', 'delta-gamma', 'monte-carlo'];
/** Largest Monte Carlo scenario count accepted (memory: scenarios × option legs columns). */
export const MAX_VAR_PATHS = 10_000_000;

/** Correlation matrix in the book's underlying order (identity for one underlying). */
function correlationFor(book: Book, value: unknown): number[][] {
  const n = book.underlyings.length;
  if (value === undefined) {
    if (n > 1) fail('correlation', value, 'given', `is required with more than one underlying (${book.underlyings.join(', ')})`);
    return [[1]];
  }
  const o = checkObject('correlation', value);
  const names = o.underlyings;
  if (!Array.isArray(names)) fail('correlation.underlyings', names, 'array', 'must be an array of underlying names');
  const m = o.matrix;
  if (!Array.isArray(m) || m.length !== names.length) fail('correlation.matrix', m, `${names.length} rows`, `must have ${names.length} rows (one per correlation.underlyings)`);
  const pos = book.underlyings.map((u) => {
    const at = (names as unknown[]).indexOf(u);
    if (at < 0) fail('correlation.underlyings', names, `contains ${u}`, `must contain every underlying of the portfolio (missing ${u})`);
    return at;
  });
  const rows = m as unknown[];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (!Array.isArray(row) || row.length !== names.length) fail(`correlation.matrix[${i}]`, row, `${names.length} entries`, `must have ${names.length} entries`);
    for (let j = 0; j < row.length; j++) {
      const v = row[j] as unknown;
      const f = `correlation.matrix[${i}][${j}]`;
      if (typeof v !== 'number' || !Number.isFinite(v)) fail(f, v, 'finite', 'must be a finite number');
      if (i === j && v !== 1) fail(f, v, '= 1', 'must be 1 (a correlation matrix has a unit diagonal)');
      if (Math.abs(v) > 1) fail(f, v, '|x| <= 1', 'must be within [−1, 1]');
      const t = (rows[j] as unknown[] | undefined)?.[i];
      if (typeof t === 'number' && Math.abs(t - v) > 1e-12) fail(f, v, 'symmetric', `must equal correlation.matrix[${j}][${i}] (${t})`);
    }
  }
  return pos.map((a) => pos.map((b) => (rows[a] as number[])[b]!));
}

/** Lower Cholesky factor of a correlation matrix; throws when it is not positive semidefinite. */
function cholesky(c: number[][]): number[][] {
  const n = c.length;
  const l = c.map(() => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = c[i]![j]!;
      for (let k = 0; k < j; k++) s -= l[i]![k]! * l[j]![k]!;
      if (i === j) {
        if (s < -1e-12) fail('correlation.matrix', c, 'positive semidefinite', 'must be positive semidefinite');
        l[i]![i] = Math.sqrt(Math.max(s, 0));
      } else {
        l[i]![j] = l[j]![j]! === 0 ? 0 : s / l[j]![j]!;
      }
    }
  }
  return l;
}

function vols(book: Book): number[] {
  return book.underlyings.map((u, i) => {
    const v = book.vol[i]!;
    if (Number.isNaN(v)) fail(`market.${u}.vol`, undefined, 'given', 'is required by the parametric and Monte Carlo methods (the GBM vol)');
    return v;
  });
}

function scenarioTail(pnl: Float64Array, confidence: number): { valueAtRisk: number; expectedShortfall: number } {
  return {
    valueAtRisk: valueAtRisk({ returns: pnl, confidence, method: 'historical' }),
    expectedShortfall: expectedShortfall({ returns: pnl, confidence, method: 'historical' }),
  };
}

/**
 * Revalues the book at horizon h under log-return scenarios logR[u][j]; returns P&L against the unshocked base.
 * `field(u)` names underlying u's column in errors (`returns.ETH`): a log return whose factor e^r overflows to
 * Infinity or underflows to 0 is rejected naming the element and the input value, not the overflowed factor.
 */
function fullRevaluation(book: Book, logR: Float64Array[], count: number, h: number, field: (u: number) => string): Float64Array {
  const set = emptyScenarios(book, count + 1);
  for (let u = 0; u < logR.length; u++) {
    const f = set.spotFactor[u]!;
    for (let j = 0; j < count; j++) {
      const x = logR[u]![j]!;
      const m = Math.exp(x);
      if (!(m > 0 && m < Infinity)) {
        fail(`${field(u)}[${j}]`, x, 'exp(r) finite and > 0', `is a log return whose price factor exp(${x}) = ${m} is outside the double range (percent passed as a log return?)`);
      }
      f[j + 1] = m;
    }
  }
  for (let j = 1; j <= count; j++) set.age[j] = h;
  const r = revalue(book, set);
  if (Number.isNaN(r.value[0]!)) fail('portfolio', undefined, 'priceable', 'cannot be priced at the current market (please report this)');
  const pnl = new Float64Array(count);
  for (let j = 0; j < count; j++) {
    const v = r.value[j + 1]!;
    if (!Number.isFinite(v)) fail(`${field(0)}[${j}]`, undefined, 'priceable', `gives a scenario the kernels reject (status ${r.status[j + 1]}): a price level outside [1e-100, 1e100]?`);
    pnl[j] = v - r.value[0]!;
  }
  return pnl;
}

/**
 * VaR and ES of a portfolio over a horizon.
 * - `'historical'`: each aligned row of `returns` (log returns over the horizon per underlying, e.g. from
 *   `horizonLogReturns` on the shipped candles) moves spots by e^{r} (Black-76 forwards likewise), options are
 *   repriced with expiries shortened by `horizonYears` and vols unchanged (full revaluation); VaR/ES of the P&L
 *   sample by the quantile rule above.
 * - `'monte-carlo'`: the same on `paths` seeded GBM scenarios (scenario j from the Philox stream of (seed, j), the
 *   project's generator: ./scenarioRandom.ts; needs init()), ln(S_h/S) = (μ − σ²/2)h + σ√h·(L·Z)_u with σ the
 *   underlying's `market.vol`, μ `drift[u]` (default 0), L the Cholesky factor of `correlation`.
 * - `'delta-normal'`: P&L ≈ Σ δ_u X_u, δ_u = delta_u·S_u, X ~ N(0, Σ), Σ_uv = ρ_uv σ_u σ_v h (simple returns);
 *   VaR = z_α·sd, ES = sd·φ(z_α)/(1 − α) (Jorion, Value at Risk, 3rd ed. 2007, ch. 7; mean 0, theta ignored).
 * - `'delta-gamma'`: P&L ≈ Σ δ_u X_u + ½ Σ Γ_u X_u², Γ_u = gamma_u·S_u² (no cross-gammas: every position has one
 *   underlying); its exact mean ½ Σ Γ_u Σ_uu and variance δ'Σδ + ½ Σ_uv Γ_u Γ_v Σ_uv² (moments of a normal
 *   quadratic form: Britten-Jones & Schaefer, Review of Finance 2(2), 1999), then VaR = −mean + z_α·sd, ES =
 *   −mean + sd·φ(z_α)/(1 − α) (a normal fitted to the first two moments: skew ignored).
 * @param portfolio `{ positions, market }`.
 * @param options {@link PortfolioVaROptions}: `method`, `confidence` in (0, 1), `horizonYears` in [0, 50], and per
 *   method `returns`, `paths` (default 10,000), `seed` (default 1), `drift`, `correlation`.
 * @returns {@link PortfolioVaR}: losses in USD (positive = loss), plus the scenario P&L or the parametric moments.
 * @throws InvalidInputError naming the field and value: unknown method, confidence outside (0, 1), a bad horizon,
 *   missing or ragged `returns` (a column per underlying, all the same length), a missing `market.<u>.vol` for the
 *   parametric / Monte Carlo methods, a bad correlation matrix (not symmetric, unit diagonal, PSD), bad paths/seed.
 */
export function portfolioVaR(portfolio: Portfolio, options: PortfolioVaROptions): PortfolioVaR {
  const book = compilePortfolio(portfolio);
  const o = checkObject('options', options);
  checkKnownFields('', o, ['method', 'confidence', 'horizonYears', 'returns', 'paths', 'seed', 'drift', 'correlation'], "portfolioVaR's options");
  const method = o.method as PortfolioVaRMethod;
  if (!METHODS.includes(method)) fail('method', method, METHODS.join(' | '), `must be one of ${METHODS.map((m) => `'${m}'`).join(', ')}`);
  const confidence = o.confidence;
  if (typeof confidence !== 'number' || !(confidence > 0 && confidence < 1)) fail('confidence', confidence, 'in (0, 1)', 'must be in (0, 1) (a fraction: 0.99 means 99%)');
  const h = o.horizonYears;
  if (typeof h !== 'number' || !Number.isFinite(h) || h < 0 || h > 50) fail('horizonYears', h, 'in [0, 50]', 'must be a finite number of years in [0, 50] (days passed as years?)');
  const base = { method, confidence, horizonYears: h };

  if (method === 'historical') {
    const rets = checkObject('returns', o.returns);
    let n = -1;
    const logR = book.underlyings.map((u) => {
      if (!Object.prototype.hasOwnProperty.call(rets, u)) fail('returns', rets, `has ${u}`, `must hold a column for every underlying (missing returns.${u})`);
      const col = checkColumn(`returns.${u}`, rets[u]);
      if (col.length === 0) fail(`returns.${u}`, rets[u], 'non-empty', 'must not be empty');
      if (n >= 0 && col.length !== n) fail(`returns.${u}.length`, col.length, `= ${n}`, `must equal the other columns' length (${n}): rows are joint scenarios`);
      n = col.length;
      return col;
    });
    const pnl = fullRevaluation(book, logR, n, h, (u) => `returns.${book.underlyings[u]!}`);
    return { ...base, ...scenarioTail(pnl, confidence), pnlUsd: pnl };
  }

  const sigma = vols(book);
  const rho = correlationFor(book, o.correlation);
  const nu = book.underlyings.length;

  if (method === 'monte-carlo') {
    const paths = o.paths ?? 10_000;
    if (typeof paths !== 'number' || !Number.isInteger(paths) || paths < 1 || paths > MAX_VAR_PATHS) fail('paths', paths, `integer in [1, ${MAX_VAR_PATHS}]`, `must be an integer in [1, ${MAX_VAR_PATHS}]`);
    const seed = o.seed ?? 1;
    if (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) fail('seed', seed, 'integer in [0, 2^32)', 'must be an integer in [0, 4294967295]');
    const driftIn = o.drift === undefined ? {} : checkObject('drift', o.drift);
    const mu = book.underlyings.map((u) => {
      const d = driftIn[u] ?? 0;
      if (typeof d !== 'number' || !Number.isFinite(d) || Math.abs(d) > 10) fail(`drift.${u}`, d, '|x| <= 10', 'must be a finite annual drift within ±10 (a decimal)');
      return d;
    });
    const L = cholesky(rho);
    const z = scenarioNormals(seed, paths, nu); // scenario j: z[j·nu … j·nu + nu − 1], from (seed, j) only
    const logR = book.underlyings.map(() => new Float64Array(paths));
    const sqh = Math.sqrt(h);
    for (let j = 0; j < paths; j++) {
      for (let u = 0; u < nu; u++) {
        let x = 0;
        for (let k = 0; k <= u; k++) x += L[u]![k]! * z[j * nu + k]!;
        logR[u]![j] = (mu[u]! - 0.5 * sigma[u]! * sigma[u]!) * h + sigma[u]! * sqh * x;
      }
    }
    const pnl = fullRevaluation(book, logR, paths, h, () => 'paths');
    return { ...base, ...scenarioTail(pnl, confidence), pnlUsd: pnl };
  }

  // parametric
  const g = portfolioRisk(portfolio);
  const dUsd = g.underlyings.map((x) => x.delta * x.spot);
  const gUsd = g.underlyings.map((x) => x.gamma * x.spot * x.spot);
  let mean = 0, variance = 0;
  for (let a = 0; a < nu; a++) {
    for (let b = 0; b < nu; b++) {
      const cov = rho[a]![b]! * sigma[a]! * sigma[b]! * h;
      variance += dUsd[a]! * dUsd[b]! * cov;
      if (method === 'delta-gamma') variance += 0.5 * gUsd[a]! * gUsd[b]! * cov * cov;
    }
    if (method === 'delta-gamma') mean += 0.5 * gUsd[a]! * sigma[a]! * sigma[a]! * h;
  }
  const sd = Math.sqrt(variance);
  const z = normInv(confidence);
  return {
    ...base,
    valueAtRisk: -mean + sd * z,
    expectedShortfall: -mean + (sd * normPdf(z)) / (1 - confidence),
    meanPnlUsd: mean,
    sdPnlUsd: sd,
  };
}
