/**
 * The API a tailguard worker exposes through comlink (DESIGN §7). Platform-neutral: the entries
 * `worker.ts` (browsers) and `nodeWorker.ts` (Node `worker_threads`) wire it to their endpoint.
 *
 * The API is generic: `runBlocks(kind, plan, first, end)` dispatches on the job kind (see
 * `jobs.ts`), so later heavy functions are new job kinds, not new messages.
 */
import { transfer } from 'comlink';
import { WasmInitError, WorkerError } from '../errors.js';
import { init } from '../wasm/loader.js';
import { jobFor, type WorkerHooks } from './jobs.js';

/** Ways the test-only crash hook can take a worker down. */
export type CrashMode = 'exit' | 'throw' | 'hang';

/** What a worker exposes. All calls are made by the pool; `crashForTesting` only by tests. */
export interface WorkerApi {
  /**
   * Instantiates this worker's own WASM instance from the module the pool compiled once.
   * @throws WasmInitError if instantiation fails.
   */
  init(wasm: WebAssembly.Module): Promise<void>;
  /**
   * Partials of blocks `[first, end)` of job `kind` (`partialWidth(plan)` f64 per block,
   * concatenated), transferred back (not copied).
   * @throws the job's typed errors (InvalidInputError, …); WorkerError with `details.fatal = true`
   *   after a WASM trap, after which this worker refuses work and must be replaced.
   */
  runBlocks(kind: string, plan: unknown, first: number, end: number): Promise<Float64Array>;
  /** Round trip check; returns its argument. */
  ping(value: number): number;
  /** Test-only: takes this worker down (see {@link CrashMode}); never returns normally. */
  crashForTesting(mode: CrashMode): void;
}

/** Platform operations the entry supplies. */
export interface WorkerPlatform {
  /** Ends the worker at once (`process.exit` in `worker_threads`, `self.close()` in browsers). */
  exit(code: number): void;
}

/** Creates the API object for a worker entry. */
export function createWorkerApi(platform: WorkerPlatform): WorkerApi {
  let dead: WorkerError | undefined;

  const crash = (mode: string): void => {
    switch (mode) {
      case 'exit':
        platform.exit(70);
        return;
      case 'throw':
        // Outside comlink's try/catch, so it is a genuinely uncaught exception; a microtask, so it
        // is thrown before the worker takes its next message.
        queueMicrotask(() => { throw new Error('tailguard test crash: an uncaught exception in the worker'); });
        return;
      case 'hang':
        for (;;) { /* spin: an unresponsive worker */ }
      default:
        throw new WorkerError(`unknown crash mode '${mode}'`, { field: 'mode', value: mode });
    }
  };
  const hooks: WorkerHooks = { crash };

  return {
    async init(wasm: WebAssembly.Module): Promise<void> {
      if (!(wasm instanceof WebAssembly.Module)) throw new WasmInitError('the worker expects a compiled WebAssembly.Module', { field: 'wasm' });
      await init({ wasm });
    },

    async runBlocks(kind: string, plan: unknown, first: number, end: number): Promise<Float64Array> {
      if (dead) throw dead;
      const job = jobFor(kind);
      let partials: Float64Array;
      try {
        partials = await job.runBlocks(plan, first, end, hooks);
      } catch (error) {
        // A trap leaves the instance in an unknown state (DESIGN §3): this worker is done.
        if (error instanceof WebAssembly.RuntimeError || (error instanceof WasmInitError && error.details.where !== undefined)) {
          dead = new WorkerError(`the worker's WASM instance trapped (${error.message}); the worker is replaced`, { fatal: true, cause: error.message, kind, first, end });
          throw dead;
        }
        throw error;
      }
      // Transfer only a buffer the array owns entirely (never a view of WASM memory).
      if (partials.byteOffset !== 0 || partials.byteLength !== partials.buffer.byteLength || !(partials.buffer instanceof ArrayBuffer)) {
        partials = partials.slice();
      }
      return transfer(partials, [partials.buffer]);
    },

    ping: (value: number): number => value,

    crashForTesting(mode: CrashMode): void {
      crash(mode);
    },
  };
}
