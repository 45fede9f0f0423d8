// The lattice kernels' one scratch buffer: a module-level block of linear memory, grown geometrically
// when a call needs more and reused across calls, so no kernel allocates inside a loop (DESIGN §3).
// Growing it may grow the memory: the facade re-takes its views after every lattice call.

let ptr: usize = 0;
let bytes: usize = 0;

/** A scratch block of at least `need` bytes (16-byte aligned), valid until the next call. */
export function scratch(need: usize): usize {
  if (need > bytes) {
    if (ptr != 0) heap.free(ptr);
    const grown = bytes + (bytes >> 1);
    bytes = need > grown ? need : grown;
    ptr = heap.alloc(bytes);
  }
  return ptr;
}
