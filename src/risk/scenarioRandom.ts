/**
 * Seeded standard normal variates for Monte Carlo VaR scenarios, from the project's one generator: the
 * per-path Philox4x32-10 stream of the WASM kernels (`mcUniforms`, assembly/mc/exports.ts; Salmon et al.,
 * SC'11, as in Random123, see assembly/rng/philox.ts and assembly/rng/stream.ts). Scenario i takes the first
 * `dims` uniforms of the stream (seed, i), so it depends only on (seed, i) (DESIGN §6), whatever the scenario
 * count; uniforms are mapped to normals by inversion with the project's `normInv` (src/reference/normal.ts),
 * as src/strategies/terminal.ts does. Needs `init()` (WASM).
 */
import { normInv } from '../reference/normal.js';
import { batchBlock } from '../wasm/arena.js';

/**
 * Standard normals of scenarios [0, paths), `dims` per scenario, row-major (`paths × dims`): entry
 * (i, d) = Φ⁻¹(u_d) with u_d the d-th uniform of the Philox stream of path i under the 32-bit `seed`
 * (key lo = seed, hi = 0). Same (seed, i) → same row on every platform.
 * @throws WasmInitError before init().
 */
export function scenarioNormals(seed: number, paths: number, dims: number): Float64Array {
  const { k, ptr } = batchBlock(dims * 8 + 16);
  const u = new Float64Array(k.memory.buffer, ptr, dims);
  const out = new Float64Array(paths * dims);
  for (let i = 0; i < paths; i++) {
    k.mcUniforms(seed >>> 0, 0, i >>> 0, Math.floor(i / 4294967296), 0, dims, ptr);
    for (let d = 0; d < dims; d++) out[i * dims + d] = normInv(u[d]!);
  }
  return out;
}
