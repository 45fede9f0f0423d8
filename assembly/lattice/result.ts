// Results of one lattice valuation, held in module globals so that the kernels return them without
// allocating (DESIGN §3). Written by ./binomial.ts, ./trinomial.ts and ./deterministic.ts; read by ./batch.ts.

/** Option value (currency). */
export let resPrice: f64 = 0.0;
/** ∂V/∂S at time 0 (from the extended tree's three time-0 nodes). */
export let resDelta: f64 = 0.0;
/** ∂²V/∂S² at time 0 (same nodes). */
export let resGamma: f64 = 0.0;
/** ∂V/∂t in calendar time, per year (from the tree; see ./binomial.ts). */
export let resTheta: f64 = 0.0;
/** Diagnostic: delta from the step-1 nodes, as QuantLib / Hull compute it (binomial only; else NaN). */
export let resNodeDelta: f64 = 0.0;
/** Diagnostic: gamma from the step-2 nodes, as QuantLib / Hull compute it (binomial only; else NaN). */
export let resNodeGamma: f64 = 0.0;

/** Sets all six results. */
export function setResults(price: f64, delta: f64, gamma: f64, theta: f64, nodeDelta: f64, nodeGamma: f64): void {
  resPrice = price; resDelta = delta; resGamma = gamma; resTheta = theta;
  resNodeDelta = nodeDelta; resNodeGamma = nodeGamma;
}
