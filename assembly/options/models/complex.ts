// Complex arithmetic on inline (re, im) pairs of f64, for the characteristic functions of ./heston.ts.
//
// Nothing allocates: every operation takes its operands as separate f64 arguments and leaves its
// result in the module globals `cre` / `cim` (read them immediately; the next call overwrites them).
// Branches: `csqrt` and `clog1p` are the principal branches (Re √z ≥ 0; Im log ∈ (−π, π]).
//
// Sources: R. L. Smith, "Algorithm 116: Complex division", CACM 5 (1962) 435 (scaled division);
// W. Kahan, "Branch cuts for complex elementary functions" (1987) (principal square root without
// cancellation: the larger of |Re|, |Im| of the result from √((|z| + |Re z|)/2)).

/** Real part of the last result. */
export let cre: f64 = 0.0;
/** Imaginary part of the last result. */
export let cim: f64 = 0.0;

/** (ar + i·ai)·(br + i·bi). */
// @ts-ignore: decorator
@inline
export function cmul(ar: f64, ai: f64, br: f64, bi: f64): void {
  cre = ar * br - ai * bi;
  cim = ar * bi + ai * br;
}

/** (ar + i·ai)/(br + i·bi) by Smith's scaled algorithm (no overflow of |b|²). */
export function cdiv(ar: f64, ai: f64, br: f64, bi: f64): void {
  if (Math.abs(br) >= Math.abs(bi)) {
    const t = bi / br;
    const den = br + bi * t;
    cre = (ar + ai * t) / den;
    cim = (ai - ar * t) / den;
  } else {
    const t = br / bi;
    const den = bi + br * t;
    cre = (ar * t + ai) / den;
    cim = (ai * t - ar) / den;
  }
}

/** Principal square root √(a + i·b), Re ≥ 0 (Kahan's cancellation-free form). */
export function csqrt(a: f64, b: f64): void {
  if (a == 0.0 && b == 0.0) { cre = 0.0; cim = b; return; }
  const m = Math.hypot(a, b);
  const t = Math.sqrt(0.5 * (m + Math.abs(a)));
  if (a >= 0.0) {
    cre = t;
    cim = b / (2.0 * t);
  } else {
    cre = Math.abs(b) / (2.0 * t);
    cim = b >= 0.0 ? t : -t;
  }
}

/** e^{a + i·b}. */
// @ts-ignore: decorator
@inline
export function cexp(a: f64, b: f64): void {
  const e = Math.exp(a);
  cre = e * Math.cos(b);
  cim = e * Math.sin(b);
}

/**
 * Principal log(1 + h), h = a + i·b, accurate also for small |h|: Re = ½·log1p(2a + a² + b²) (no loss
 * of the small real part to the rounding of 1 + a), Im = atan2(b, 1 + a).
 */
export function clog1p(a: f64, b: f64): void {
  const ap1 = 1.0 + a;
  if (Math.abs(a) < 0.5 && Math.abs(b) < 0.5) {
    cre = 0.5 * Math.log1p(a * (2.0 + a) + b * b);
  } else {
    cre = Math.log(Math.hypot(ap1, b));
  }
  cim = Math.atan2(b, ap1);
}
