/**
 * Linear-memory workspace for the facade (DESIGN §3): columns come from the module's exported
 * allocator, never from a fixed offset. One small block serves scalar calls; one growing block
 * serves batches and is reused (and regrown geometrically) from call to call.
 *
 * Views of `memory.buffer` are detached whenever the memory grows, so views are always made after
 * the last allocation of a call and never kept across calls (the scalar view is revalidated).
 */
import type { KernelExports } from './exports.js';
import { wasm } from './loader.js';

/** Bytes of the scalar block: 32 f64 slots (inputs, nine outputs) and 8 status/flag bytes. */
const SCALAR_SLOTS = 32;

interface State {
  owner: KernelExports;
  scalarPtr: number;
  scalarView: Float64Array;
  flagView: Uint8Array;
  batchPtr: number;
  batchBytes: number;
}

let state: State | undefined;

function current(): State {
  const k = wasm();
  if (!state || state.owner !== k) {
    const scalarPtr = k.alloc(SCALAR_SLOTS * 8 + 16);
    state = { owner: k, scalarPtr, ...views(k, scalarPtr), batchPtr: 0, batchBytes: 0 };
  }
  return state;
}

function views(k: KernelExports, ptr: number): { scalarView: Float64Array; flagView: Uint8Array } {
  return {
    scalarView: new Float64Array(k.memory.buffer, ptr, SCALAR_SLOTS),
    flagView: new Uint8Array(k.memory.buffer, ptr + SCALAR_SLOTS * 8, 16),
  };
}

/** Byte offset of the scalar block's 16 flag bytes from its start. */
export const SCALAR_FLAGS = SCALAR_SLOTS * 8;

/**
 * Kernel exports with the scalar block: `slots` views 32 f64 at `ptr`, `flags` 16 bytes at
 * `ptr + SCALAR_FLAGS`. Valid until the next allocation.
 */
export function scalarBlock(): { k: KernelExports; ptr: number; slots: Float64Array; flags: Uint8Array } {
  const s = current();
  if (s.scalarView.buffer !== s.owner.memory.buffer) Object.assign(s, views(s.owner, s.scalarPtr));
  return { k: s.owner, ptr: s.scalarPtr, slots: s.scalarView, flags: s.flagView };
}

/**
 * A batch workspace of at least `bytes` bytes (16-byte aligned), valid until the next call.
 * @returns the kernel exports and the workspace pointer.
 */
export function batchBlock(bytes: number): { k: KernelExports; ptr: number } {
  const s = current();
  if (s.batchBytes < bytes) {
    if (s.batchPtr !== 0) s.owner.free(s.batchPtr);
    const size = Math.max(bytes, Math.ceil(s.batchBytes * 1.5), 4096);
    s.batchPtr = s.owner.alloc(size);
    s.batchBytes = size;
  }
  return { k: s.owner, ptr: s.batchPtr };
}

/** Rounds a byte count up to a multiple of 16 (column alignment). */
export function align16(bytes: number): number {
  return Math.ceil(bytes / 16) * 16;
}
