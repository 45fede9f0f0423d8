/**
 * Loads the tailguard WASM module once, in Node or in a browser (DESIGN §1, §3).
 *
 * `init()` must resolve before any pricing call; afterwards closed-form calls are synchronous.
 * Node reads the file next to this module (`tailguard.wasm`); browsers fetch it from
 * `new URL('./tailguard.wasm', import.meta.url)`, which bundlers such as Vite rewrite to the asset.
 */
import { WasmInitError } from '../errors.js';
import type { KernelExports } from './exports.js';

/** Where the WASM module comes from: a URL or path, its bytes, or a compiled module. */
export type WasmSource = string | URL | ArrayBuffer | ArrayBufferView | WebAssembly.Module;

/** Options of {@link init}. */
export interface InitOptions {
  /**
   * The WASM module: a URL (`http:`, `https:`, `file:`), a file path (Node), the bytes, or a
   * precompiled `WebAssembly.Module`. Default: `tailguard.wasm` next to this module.
   */
  wasm?: WasmSource;
}

let kernels: KernelExports | undefined;
let pending: Promise<void> | undefined;

const isNode = typeof process !== 'undefined' && typeof process.versions?.node === 'string';

function defaultUrl(): URL {
  return new URL('./tailguard.wasm', import.meta.url);
}

async function readBytes(source: string | URL): Promise<ArrayBuffer | Uint8Array> {
  const url = typeof source === 'string' ? tryUrl(source) : source;
  if (isNode && (url === undefined || url.protocol === 'file:')) {
    const { readFile } = await import('node:fs/promises');
    return readFile(url ?? source);
  }
  const target = url ?? source;
  const response = await fetch(target);
  if (!response.ok) throw new Error(`fetching ${String(target)} gave HTTP ${response.status}`);
  return response.arrayBuffer();
}

function tryUrl(text: string): URL | undefined {
  if (!/^[a-z][a-z0-9+.-]*:/i.test(text) || /^[a-z]:[\\/]/i.test(text)) return undefined; // a path (incl. C:\)
  return new URL(text);
}

function imports(): WebAssembly.Imports {
  const readString = (ptr: number): string => {
    if (!kernels || ptr === 0) return '';
    const mem = new Uint32Array(kernels.memory.buffer);
    const length = mem[(ptr - 4) >>> 2] ?? 0; // AssemblyScript strings: byte length stored before the data
    return String.fromCharCode(...new Uint16Array(kernels.memory.buffer, ptr, length >>> 1));
  };
  return {
    env: {
      abort(message: number, file: number, line: number, column: number): never {
        const where = `${readString(file)}:${line}:${column}`;
        kernels = undefined; // a trapped instance is dead (DESIGN §3): the next init() re-instantiates
        pending = undefined;
        throw new WasmInitError(`WASM kernel aborted (${readString(message) || 'no message'}) at ${where}; the instance is discarded: call init() again`, { where });
      },
    },
  };
}

/**
 * Compiles the tailguard WASM module: reads it (Node: file; otherwise fetch) unless given bytes or a
 * module, which is returned as is. The worker pool compiles once here and hands the module to each
 * worker, which instantiates it through {@link init}.
 * @param source a URL or path, the bytes, or a compiled module; default: `tailguard.wasm` next to this module.
 * @throws WasmInitError (as a rejection) when the module cannot be read or compiled.
 */
export async function compileWasm(source: WasmSource = defaultUrl()): Promise<WebAssembly.Module> {
  if (source instanceof WebAssembly.Module) return source;
  try {
    const bytes = source instanceof ArrayBuffer || ArrayBuffer.isView(source) ? source : await readBytes(source);
    return await WebAssembly.compile(bytes as BufferSource);
  } catch (cause) {
    throw loadError(source, cause);
  }
}

function loadError(source: WasmSource, cause: unknown): WasmInitError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new WasmInitError(`could not load the tailguard WASM module from ${describe(source)}: ${reason}`, { source: describe(source) });
}

async function instantiate(source: WasmSource): Promise<KernelExports> {
  const module = await compileWasm(source);
  const instance = await WebAssembly.instantiate(module, imports());
  const exports = instance.exports as unknown as KernelExports;
  for (const name of ['memory', 'alloc', 'free', 'blackScholesBatch', 'black76Batch', 'impliedVolBatch'] as const) {
    if (!(name in exports)) throw new Error(`the module does not export '${name}' (not a tailguard build?)`);
  }
  return exports;
}

/**
 * Loads and instantiates the WASM kernels. Idempotent: later calls return the first call's promise
 * (or resolve at once), whatever source they name. Safe to call concurrently.
 * @param options `{ wasm? }`: see {@link InitOptions}; `init()` and `init(null)` load the default.
 * @returns a promise that resolves once pricing calls may be made.
 * @throws WasmInitError (always as a rejected promise) if `wasm` is of the wrong type or the module
 *   cannot be read, compiled or instantiated; a later `init()` may retry.
 */
export function init(options?: InitOptions): Promise<void> {
  if (kernels) return Promise.resolve();
  if (!pending) {
    const source = options?.wasm ?? defaultUrl();
    if (!isSource(source)) {
      return Promise.reject(new WasmInitError(`wasm must be a URL, a path, the bytes or a WebAssembly.Module (got ${source === null ? 'null' : typeof source})`, { field: 'wasm' }));
    }
    pending = instantiate(source).then(
      (exports) => { kernels = exports; },
      (cause: unknown) => {
        pending = undefined;
        throw cause instanceof WasmInitError ? cause : loadError(source, cause);
      },
    );
  }
  return pending;
}

function isSource(value: unknown): value is WasmSource {
  return typeof value === 'string' || value instanceof URL || value instanceof ArrayBuffer || ArrayBuffer.isView(value)
    || value instanceof WebAssembly.Module;
}

function describe(source: WasmSource): string {
  if (typeof source === 'string' || source instanceof URL) return String(source);
  if (source instanceof WebAssembly.Module) return 'a WebAssembly.Module';
  return `${source.byteLength} bytes`;
}

/** True once {@link init} has resolved. */
export function isInitialized(): boolean {
  return kernels !== undefined;
}

/**
 * The kernel exports, for the facade's internal use.
 * @throws WasmInitError when called before `init()` has resolved.
 */
export function wasm(): KernelExports {
  if (!kernels) throw new WasmInitError('tailguard is not initialised: await init() before calling pricing functions');
  return kernels;
}
