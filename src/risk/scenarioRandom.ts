/**
 * Seeded standard normal variates for Monte Carlo VaR scenarios (plain JavaScript: the scenario count is
 * small next to the option legs revalued per scenario, which run in the WASM batch kernels).
 *
 * Generator: xoshiro128** 1.1 (D. Blackman, S. Vigna, "Scrambled linear pseudorandom number generators",
 * ACM TOMS 47(4), 2021; prng.di.unimi.it), its 128-bit state filled from the seed by splitmix32 (the 32-bit
 * variant of Steele, Lea, Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014, constants
 * from the MurmurHash3 finaliser). Uniforms take 53 bits from two outputs (27 + 26 high bits), u = (a·2²⁶ + b + 0.5)/2⁵³ ∈ (0, 1),
 * mapped to normals by inversion with the project's `normInv` (src/reference/normal.ts).
 */
import { normInv } from '../reference/normal.js';

/** A seeded stream of standard normal variates; same seed → same sequence on every platform. */
export class NormalStream {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  constructor(seed: number) {
    let x = seed >>> 0;
    const next = (): number => {
      x = (x + 0x9e3779b9) >>> 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.s0 = next(); this.s1 = next(); this.s2 = next(); this.s3 = next();
  }

  /** A stream started from an explicit xoshiro128** state (not all zero), e.g. to check the published test vectors. */
  static fromState(s0: number, s1: number, s2: number, s3: number): NormalStream {
    const g = new NormalStream(0);
    g.s0 = s0 >>> 0; g.s1 = s1 >>> 0; g.s2 = s2 >>> 0; g.s3 = s3 >>> 0;
    return g;
  }

  /** Next 32-bit output of xoshiro128**. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** A uniform in (0, 1) with 53 random bits. */
  nextUniform(): number {
    const a = this.nextUint32() >>> 5; // 27 bits
    const b = this.nextUint32() >>> 6; // 26 bits
    return (a * 67108864 + b + 0.5) / 9007199254740992;
  }

  /** A standard normal variate (inversion of a 53-bit uniform). */
  nextNormal(): number {
    return normInv(this.nextUniform());
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
