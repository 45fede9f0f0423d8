// Plain-JS references for bench/mc.js (issue #4 §7): the straightforward loops a JS developer would
// write, no Math.random. Generator: xorshift128+ (two 32-bit halves kept in Int32 arithmetic; 53-bit
// uniform in (0, 1)), normals by Box–Muller (both values of each pair used). CRR: the textbook
// backward induction over one Float64Array.

/** xorshift128+ → uniform doubles in (0, 1), seeded via splitmix32. */
export function xorshift128plus(seed) {
  let s = seed >>> 0;
  const sm = () => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  // state: (a1:a0), (b1:b0) as 32-bit halves
  let a0 = sm(), a1 = sm(), b0 = sm(), b1 = sm();
  if ((a0 | a1 | b0 | b1) === 0) a0 = 1;
  return function next() {
    // x = a; y = b; a = y; x ^= x << 23; b = x ^ y ^ (x >> 17) ^ (y >> 26); return b + y
    let x0 = a0, x1 = a1;
    const y0 = b0, y1 = b1;
    a0 = y0; a1 = y1;
    // x ^= x << 23
    x1 ^= (x1 << 23) | (x0 >>> 9);
    x0 ^= x0 << 23;
    // x ^= x >> 17
    x0 ^= (x0 >>> 17) | (x1 << 15);
    x1 ^= x1 >>> 17;
    // x ^= y ^ (y >> 26)
    x0 ^= y0 ^ ((y0 >>> 26) | (y1 << 6));
    x1 ^= y1 ^ (y1 >>> 26);
    b0 = x0; b1 = x1;
    // sum = b + y (64-bit), take top 53 bits
    const lo = (x0 >>> 0) + (y0 >>> 0);
    const hi = ((x1 >>> 0) + (y1 >>> 0) + (lo > 0xffffffff ? 1 : 0)) >>> 0;
    const lo32 = lo >>> 0;
    // 53 bits: hi (32) and top 21 of lo
    return ((hi * 2097152) + (lo32 >>> 11) + 0.5) / 9007199254740992;
  };
}

/** Box–Muller normals (both of each pair). */
export function normals(seed) {
  const u = xorshift128plus(seed);
  let spare = 0, has = false;
  return function z() {
    if (has) { has = false; return spare; }
    const r = Math.sqrt(-2 * Math.log(u()));
    const t = 2 * Math.PI * u();
    spare = r * Math.sin(t); has = true;
    return r * Math.cos(t);
  };
}

function stats(sum, sumSq, n, disc) {
  const mean = sum / n;
  const variance = Math.max(0, (sumSq / n - mean * mean) * n / (n - 1));
  return { price: disc * mean, standardError: disc * Math.sqrt(variance / n), paths: 0 };
}

/** European call/put under GBM, one exact step. Antithetic: paths counted as in tailguard (both of a pair). */
export function europeanMC({ spot, strike, vol, rate = 0, dividendYield = 0, expiryYears: T, isCall = true, paths, seed, antithetic = false }) {
  const z = normals(seed);
  const drift = spot * Math.exp((rate - dividendYield - 0.5 * vol * vol) * T);
  const sd = vol * Math.sqrt(T);
  const sign = isCall ? 1 : -1;
  let sum = 0, sumSq = 0, n = 0;
  if (antithetic) {
    const pairs = paths >> 1;
    for (let i = 0; i < pairs; i++) {
      const e = z() * sd;
      const p1 = Math.max(sign * (drift * Math.exp(e) - strike), 0);
      const p2 = Math.max(sign * (drift * Math.exp(-e) - strike), 0);
      const y = 0.5 * (p1 + p2);
      sum += y; sumSq += y * y;
    }
    n = pairs;
  } else {
    for (let i = 0; i < paths; i++) {
      const y = Math.max(sign * (drift * Math.exp(z() * sd) - strike), 0);
      sum += y; sumSq += y * y;
    }
    n = paths;
  }
  const r = stats(sum, sumSq, n, Math.exp(-rate * T));
  r.paths = antithetic ? 2 * n : n;
  return r;
}

/** Arithmetic-average Asian under GBM, `steps` equal steps, average over the `steps` fixings (t = 0 excluded). */
export function asianMC({ spot, strike, vol, rate = 0, dividendYield = 0, expiryYears: T, isCall = true, paths, steps, seed }) {
  const z = normals(seed);
  const dt = T / steps;
  const mu = (rate - dividendYield - 0.5 * vol * vol) * dt;
  const sd = vol * Math.sqrt(dt);
  const sign = isCall ? 1 : -1;
  let sum = 0, sumSq = 0;
  for (let i = 0; i < paths; i++) {
    let s = spot, acc = 0;
    for (let k = 0; k < steps; k++) {
      s *= Math.exp(mu + sd * z());
      acc += s;
    }
    const y = Math.max(sign * (acc / steps - strike), 0);
    sum += y; sumSq += y * y;
  }
  const r = stats(sum, sumSq, paths, Math.exp(-rate * T));
  r.paths = paths;
  return r;
}

/** Heston, full-truncation Euler on the variance, log-Euler on the spot; European payoff. */
export function hestonMC({ spot, strike, v0, kappa, theta, volOfVol, rho, rate = 0, dividendYield = 0, expiryYears: T, isCall = true, paths, steps, seed }) {
  const z = normals(seed);
  const dt = T / steps;
  const sqdt = Math.sqrt(dt);
  const rc = Math.sqrt(1 - rho * rho);
  const sign = isCall ? 1 : -1;
  let sum = 0, sumSq = 0;
  for (let i = 0; i < paths; i++) {
    let x = Math.log(spot), v = v0;
    for (let k = 0; k < steps; k++) {
      const z1 = z(), z2 = rho * z1 + rc * z();
      const vp = v > 0 ? v : 0;
      const sv = Math.sqrt(vp);
      x += (rate - dividendYield - 0.5 * vp) * dt + sv * sqdt * z1;
      v += kappa * (theta - vp) * dt + volOfVol * sv * sqdt * z2;
    }
    const y = Math.max(sign * (Math.exp(x) - strike), 0);
    sum += y; sumSq += y * y;
  }
  const r = stats(sum, sumSq, paths, Math.exp(-rate * T));
  r.paths = paths;
  return r;
}

/** Cox–Ross–Rubinstein binomial tree, American or European exercise. */
export function crrTree({ type, spot, strike, expiryYears: T, vol, rate = 0, dividendYield = 0, steps, american = true }) {
  const dt = T / steps;
  const u = Math.exp(vol * Math.sqrt(dt));
  const d = 1 / u;
  const p = (Math.exp((rate - dividendYield) * dt) - d) / (u - d);
  const disc = Math.exp(-rate * dt);
  const pu = disc * p, pd = disc * (1 - p);
  const sign = type === 'call' ? 1 : -1;
  // node prices spot·u^k, k = −steps … steps, precomputed once (index k + steps)
  const sp = new Float64Array(2 * steps + 1);
  for (let k = -steps; k <= steps; k++) sp[k + steps] = spot * Math.pow(u, k);
  const v = new Float64Array(steps + 1);
  for (let j = 0; j <= steps; j++) v[j] = Math.max(sign * (sp[2 * j] - strike), 0);
  for (let i = steps - 1; i >= 0; i--) {
    for (let j = 0; j <= i; j++) {
      let c = pu * v[j + 1] + pd * v[j];
      if (american) {
        const ex = sign * (sp[2 * j - i + steps] - strike);
        if (ex > c) c = ex;
      }
      v[j] = c;
    }
  }
  return v[0];
}
