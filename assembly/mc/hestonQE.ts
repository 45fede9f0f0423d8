// One sub-step of Andersen's QE scheme for the Heston model (L. Andersen, "Simple and efficient simulation of
// the Heston stochastic volatility model", J. Comp. Finance 11(3), 2008; ψ_c = 1.5, γ1 = γ2 = ½, martingale
// correction of his §4.2), shared by the generic kernel (./kernel.ts) and the SIMD fast path
// (./fastHeston.ts), which falls back to `qeStep` for any lane outside the common case. See ./kernel.ts for
// the scheme's description and the per-step constants (e = e^{−κh}, c1 = ξ²e(1−e)/κ, c2 = θξ²(1−e)²/(2κ),
// k1, k2, k3 = K3 = K4, a = k2 + ½k3). Pure arithmetic; never throws.

import { normInv } from "../math/normal";

/** Variance at the end of the last `qeStep` (module global: the kernel is single-threaded). */
export let qeVn: f64 = 0.0;

/**
 * QE sub-step of length h from variance v with the variance uniform uv and the spot normal z: returns the
 * log-spot increment and sets `qeVn`. theta = θ, kappa = κ, b = r − q, xiZero: ξ = 0 (deterministic variance
 * with the exact integral).
 */
export function qeStep(v: f64, uv: f64, z: f64, h: f64, e: f64, c1: f64, c2: f64, k1: f64, k2: f64, k3: f64,
  a_: f64, theta: f64, kappa: f64, b: f64, xiZero: bool): f64 {
  const m = theta + (v - theta) * e;
  let vn: f64;
  let dx: f64;
  if (xiZero) {
    // deterministic variance: exact mean path and exact integral of v over the sub-step
    vn = m;
    const iv = theta * h + (v - theta) * (1.0 - e) / kappa;
    dx = b * h - 0.5 * iv + Math.sqrt(iv) * z;
  } else {
    const s2 = v * c1 + c2;
    const psi = s2 / (m * m);
    let k0: f64 = 0.0;
    let ok = false; // the martingale correction exists (Andersen §4.2)
    if (!(m > 0.0) || !(psi < 1e12)) {
      vn = 0.0; // variance (numerically) absorbed at 0
    } else if (!(psi > 1e-12)) {
      vn = m;   // variance of the step negligible
    } else if (psi <= 1.5) {
      const t2 = 2.0 / psi;
      const b2 = t2 - 1.0 + Math.sqrt(t2) * Math.sqrt(t2 - 1.0);
      const a = m / (1.0 + b2);
      const zb = Math.sqrt(b2) + normInv(uv);
      vn = a * zb * zb;
      const d = 1.0 - 2.0 * a_ * a;
      if (d > 0.0) { k0 = -(a_ * b2 * a / d - 0.5 * Math.log(d)) - (k1 + 0.5 * k3) * v; ok = true; }
    } else {
      const p = (psi - 1.0) / (psi + 1.0);
      const beta = (1.0 - p) / m;
      vn = uv <= p ? 0.0 : Math.log((1.0 - p) / (1.0 - uv)) / beta;
      if (a_ < beta) { k0 = -Math.log(p + beta * (1.0 - p) / (beta - a_)) - (k1 + 0.5 * k3) * v; ok = true; }
    }
    if (ok) {
      dx = b * h + k0 + k1 * v + k2 * vn + Math.sqrt(k3 * (v + vn)) * z;
    } else {
      // no moment generating function for the correction: the conditionally Gaussian step with the
      // trapezoidal variance, exactly a martingale given (v, vn) (the step's spot–vol correlation is lost)
      const iv = 0.5 * h * (v + vn);
      dx = b * h - 0.5 * iv + Math.sqrt(iv) * z;
    }
  }
  qeVn = vn;
  return dx;
}
