/**
 * Terminal prices drawn exactly (no time stepping) for terminal-only payoffs, from the project's per-path
 * Philox4x32-10 uniform stream (`mcUniforms`, assembly/mc/exports.ts): path i's draws depend only on
 * (seed, i) (DESIGN §6), so every strategy of a comparison sees the same prices (common random numbers).
 *
 * GBM: S_T = S₀·exp((μ − σ²/2)T + σ√T·z). Merton (1976) jumps, compensated so E[S_T] = S₀e^{μT}:
 * S_T = S₀·exp((μ − σ²/2 − λκ)T + σ√T·z + N·m + s√N·z'), κ = e^{m + s²/2} − 1, N ~ Poisson(λT) (by inversion
 * of a uniform), the sum of N normal log-jumps being N(N·m, N·s²). Draw order per path: z, u_N, z' — that of
 * the Monte Carlo kernel's Merton step (assembly/mc/kernel.ts). Normals by inversion with `normInv`
 * (src/reference/normal.ts).
 */
import { normInv } from '../reference/normal.js';
import { batchBlock } from '../wasm/arena.js';
import { MAX_ABS_JUMP_MEAN, MAX_JUMP_INTENSITY, MAX_JUMP_VOL } from '../options/models/validate.js';
import { MAX_JUMPS_PER_STEP } from '../mc/validate.js';
import { checkFinite, checkHorizon, checkInteger, checkLevel, checkObject, checkRate, checkSeed, checkVol, fail } from './validate.js';
import type { JumpSpec, TerminalModel } from './types.js';

/** Largest path count accepted. */
export const MAX_TERMINAL_PATHS = 10_000_000;

/** Validated terminal model. */
export interface CheckedTerminal {
  spot: number; vol: number; expiryYears: number; drift: number; jumps: JumpSpec | undefined;
  paths: number; seed: { lo: number; hi: number; value: number | string };
}

/** Validates a {@link TerminalModel}; `field` prefixes the names (e.g. `simulation`). */
export function checkTerminal(field: string, value: unknown): CheckedTerminal {
  const o = checkObject(field, value);
  const spot = checkLevel(`${field}.spot`, o.spot);
  const vol = checkVol(`${field}.vol`, o.vol);
  const t = checkHorizon(`${field}.expiryYears`, o.expiryYears);
  let drift: number;
  if (o.drift !== undefined) drift = checkRate(`${field}.drift`, o.drift);
  else if (o.forward !== undefined) drift = Math.log(checkLevel(`${field}.forward`, o.forward) / spot) / t;
  else drift = checkRate(`${field}.rate`, o.rate) - checkRate(`${field}.dividendYield`, o.dividendYield);
  let jumps: JumpSpec | undefined;
  if (o.jumps !== undefined) {
    const j = checkObject(`${field}.jumps`, o.jumps);
    const intensity = checkFinite(`${field}.jumps.intensity`, j.intensity);
    if (intensity < 0 || intensity > MAX_JUMP_INTENSITY) fail(`${field}.jumps.intensity`, intensity, `in [0, ${MAX_JUMP_INTENSITY}]`, `must be in [0, ${MAX_JUMP_INTENSITY}] per year`);
    const mean = checkFinite(`${field}.jumps.mean`, j.mean);
    if (Math.abs(mean) > MAX_ABS_JUMP_MEAN) fail(`${field}.jumps.mean`, mean, `|x| <= ${MAX_ABS_JUMP_MEAN}`, `must be within ±${MAX_ABS_JUMP_MEAN}`);
    const jv = checkFinite(`${field}.jumps.vol`, j.vol);
    if (jv < 0 || jv > MAX_JUMP_VOL) fail(`${field}.jumps.vol`, jv, `in [0, ${MAX_JUMP_VOL}]`, `must be in [0, ${MAX_JUMP_VOL}]`);
    jumps = { intensity, mean, vol: jv };
  }
  const paths = o.paths === undefined ? 100_000 : checkInteger(`${field}.paths`, o.paths, 2, MAX_TERMINAL_PATHS);
  const seed = checkSeed(o.seed === undefined ? 1 : o.seed);
  return { spot, vol, expiryYears: t, drift, jumps, paths, seed };
}

/** Terminal prices with their sample mean and its standard error. */
export interface TerminalSample {
  spots: Float64Array;
  mean: number;
  standardError: number;
  /** The model's E[S_T] = S₀·e^{μT}. */
  expected: number;
  paths: number;
  seed: number | string;
}

/** Sample mean and its standard error √(s²/n) (two passes, s² with n − 1). */
export function meanAndError(x: Float64Array): { mean: number; standardError: number } {
  const n = x.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += x[i]!;
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) { const d = x[i]! - mean; ss += d * d; }
  return { mean, standardError: n > 1 ? Math.sqrt(ss / (n - 1) / n) : NaN };
}

/**
 * Paths of `steps` equal time steps over the horizon (each step exact: GBM, or Merton with the step's Poisson count),
 * row-major (paths × (steps + 1), column 0 the spot). Path i's draws are the first steps × (1 or 3) uniforms of the
 * stream (seed, i), in the order z, u_N, z' per step; with steps = 1 these are the terminal draws.
 */
export function drawPaths(c: CheckedTerminal, steps: number): Float64Array {
  const per = c.jumps === undefined ? 1 : 3;
  const draws = steps * per;
  const { k, ptr } = batchBlock(draws * 8 + 16);
  const u = new Float64Array(k.memory.buffer, ptr, draws);
  const n = c.paths, dt = c.expiryYears / steps, sqrtDt = Math.sqrt(dt);
  const lambdaDt = c.jumps === undefined ? 0 : c.jumps.intensity * dt;
  const kappa = c.jumps === undefined ? 0 : Math.exp(c.jumps.mean + 0.5 * c.jumps.vol * c.jumps.vol) - 1;
  const logDrift = (c.drift - 0.5 * c.vol * c.vol - (c.jumps === undefined ? 0 : c.jumps.intensity * kappa)) * dt;
  if (lambdaDt > MAX_JUMPS_PER_STEP) {
    // Same bound as the Monte Carlo engine (src/mc/validate.ts): beyond it e^{−λΔt} nears underflow and the
    // inversion below would stop at its cap instead of at the Poisson quantile.
    fail('jumps.intensity', c.jumps!.intensity, `intensity·Δt <= ${MAX_JUMPS_PER_STEP}`,
      `times the step (${dt} years) gives ${lambdaDt} expected jumps per step, more than ${MAX_JUMPS_PER_STEP}: use a shorter horizon or fewer jumps`);
  }
  const p0 = Math.exp(-lambdaDt);
  const row = steps + 1;
  const out = new Float64Array(n * row);
  for (let i = 0; i < n; i++) {
    k.mcUniforms(c.seed.lo, c.seed.hi, i >>> 0, Math.floor(i / 4294967296), 0, draws, ptr);
    let x = Math.log(c.spot);
    out[i * row] = c.spot;
    for (let j = 0; j < steps; j++) {
      x += logDrift + c.vol * sqrtDt * normInv(u[j * per]!);
      if (c.jumps !== undefined && lambdaDt > 0) {
        // Poisson(λΔt) by inversion: smallest N with F(N) ≥ u (F reaches 1 − 1e-16 long before 10λΔt + 100).
        let jumpsN = 0, p = p0, f = p0;
        const limit = 10 * lambdaDt + 100;
        while (u[j * per + 1]! > f && jumpsN < limit) { jumpsN++; p *= lambdaDt / jumpsN; f += p; }
        if (jumpsN > 0) x += jumpsN * c.jumps.mean + c.jumps.vol * Math.sqrt(jumpsN) * normInv(u[j * per + 2]!);
      }
      out[i * row + j + 1] = Math.exp(x);
    }
  }
  return out;
}

/** Draws terminal prices from a validated model (see the file comment). */
export function drawTerminal(c: CheckedTerminal): TerminalSample {
  const both = drawPaths(c, 1);
  const spots = new Float64Array(c.paths);
  for (let i = 0; i < c.paths; i++) spots[i] = both[2 * i + 1]!;
  const { mean, standardError } = meanAndError(spots);
  return { spots, mean, standardError, expected: c.spot * Math.exp(c.drift * c.expiryYears), paths: c.paths, seed: c.seed.value };
}

/**
 * Terminal prices of a seeded simulation, one exact draw per path (see the file comment).
 * @param model `{ spot, vol, expiryYears, drift? | forward? | rate?/dividendYield?, jumps?, paths? = 100,000, seed? = 1 }`.
 * @returns `{ spots, mean, standardError, expected = S₀e^{μT}, paths, seed }`; bit-identical for the same inputs.
 * @throws InvalidInputError naming the field and value. WasmInitError before `init()`.
 */
export function terminalPrices(model: TerminalModel): TerminalSample {
  return drawTerminal(checkTerminal('model', model));
}
