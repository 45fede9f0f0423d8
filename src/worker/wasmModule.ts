/**
 * Compiles the WASM module once on the calling thread, so that every worker instantiates the same
 * `WebAssembly.Module` (structured-cloned to it) instead of fetching and compiling its own.
 */
import { WasmInitError } from '../errors.js';
import type { WasmSource } from '../wasm/loader.js';

const isNode = typeof process !== 'undefined' && typeof process.versions?.node === 'string';

/** The release build next to the loader (`dist/wasm/tailguard.wasm`). */
function defaultUrl(): URL {
  return new URL('../wasm/tailguard.wasm', import.meta.url);
}

async function read(source: string | URL): Promise<BufferSource> {
  const url = typeof source === 'string' && !/^[a-z][a-z0-9+.-]+:/i.test(source) ? undefined : new URL(String(source));
  if (isNode && (url === undefined || url.protocol === 'file:')) {
    const { readFile } = await import('node:fs/promises');
    return readFile(url ?? source) as Promise<Uint8Array<ArrayBuffer>>;
  }
  const response = await fetch(url ?? source);
  if (!response.ok) throw new Error(`fetching ${String(source)} gave HTTP ${response.status}`);
  return response.arrayBuffer();
}

/**
 * @param source a URL or path, the bytes, or an already compiled module (returned as is);
 *   default: the release build shipped next to the loader.
 * @throws WasmInitError (as a rejection) when the module cannot be read or compiled.
 */
export async function compileWasm(source: WasmSource = defaultUrl()): Promise<WebAssembly.Module> {
  if (source instanceof WebAssembly.Module) return source;
  try {
    const bytes = source instanceof ArrayBuffer || ArrayBuffer.isView(source) ? source as BufferSource : await read(source);
    return await WebAssembly.compile(bytes);
  } catch (cause) {
    const where = typeof source === 'string' || source instanceof URL ? String(source) : `${(source as ArrayBuffer).byteLength} bytes`;
    throw new WasmInitError(`could not compile the tailguard WASM module from ${where}: ${cause instanceof Error ? cause.message : String(cause)}`, { source: where });
  }
}
