// Sobol' low-discrepancy points (Bratley & Fox 1988; Joe & Kuo 2008 direction numbers, ./sobolTable.ts,
// new-joe-kuo-6.21201, first SOBOL_DIMS dimensions). Point i, dimension d is computed directly from i in
// Gray-code order: x = ⊕ over the set bits k of gray(i) = i ^ (i >> 1) of V_d[k] (32-bit direction numbers),
// so a point depends on its index only (no sequential state: blocks, chunks and workers agree bit for bit).
// Point 0 is the origin; points 1, 2, 3 are (0.5, 0.5, 0.5), (0.75, 0.25, 0.25), (0.25, 0.75, 0.75) in
// dimensions 1–3 (the standard sequence). Randomisation (digital shift) is applied by the caller.

import { SOBOL_DIMS, SOBOL_S, SOBOL_A, SOBOL_OFF, SOBOL_M } from "./sobolTable";

export const SOBOL_MAX_DIMS: i32 = SOBOL_DIMS;

const V = new StaticArray<u32>(SOBOL_DIMS * 32);
let vReady: bool = false;

function initDirections(): void {
  for (let d = 0; d < SOBOL_DIMS; d++) {
    const s = <i32>unchecked(SOBOL_S[d]);
    const base = d * 32;
    if (s == 0) {
      for (let k = 0; k < 32; k++) unchecked(V[base + k] = (<u32>1) << <u32>(31 - k));
      continue;
    }
    const a = unchecked(SOBOL_A[d]);
    const off = <i32>unchecked(SOBOL_OFF[d]);
    // m_k in V[base + k] first (integers < 2^(k+1)), then scaled
    for (let k = 0; k < s; k++) unchecked(V[base + k] = SOBOL_M[off + k]);
    for (let k = s; k < 32; k++) {
      let v = unchecked(V[base + k - s]);
      v ^= v << <u32>s;
      for (let t = 1; t < s; t++) {
        if ((a >> <u32>(s - 1 - t)) & 1) v ^= unchecked(V[base + k - t]) << <u32>t;
      }
      unchecked(V[base + k] = v);
    }
    for (let k = 0; k < 32; k++) unchecked(V[base + k] = V[base + k] << <u32>(31 - k));
  }
  vReady = true;
}

/** The 32-bit integer of Sobol' point `index` (index < 2^32) in dimension d (0-based, d < SOBOL_MAX_DIMS). */
export function sobolBits(index: u32, d: i32): u32 {
  if (!vReady) initDirections();
  let g = index ^ (index >> 1);
  let x: u32 = 0;
  const base = d * 32;
  let k = 0;
  while (g != 0) {
    if (g & 1) x ^= unchecked(V[base + k]);
    g >>= 1;
    k++;
  }
  return x;
}
