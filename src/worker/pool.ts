/**
 * The worker pool (DESIGN §6, §7): a fixed number of workers, each with its own WASM instance,
 * running block jobs in coarse contiguous pieces.
 *
 *   const pool = await createPool({ size: 2 });              // Node: worker_threads; browsers: module workers
 *   const result = await pool.monteCarlo(spec, { onProgress, signal });
 *   await pool.close();
 *
 * A job is planned on the calling thread (so an invalid spec is rejected before any worker is
 * involved), its block range `[0, blockCount)` is cut into at most `size × piecesPerWorker`
 * contiguous pieces, one message each, and the pieces go to whichever worker is idle, first come
 * first served across jobs. Each piece's partials come back transferred and are placed at the
 * piece's block offset; once all are in, the job's `merge` combines them in block order. The result
 * is therefore bit-identical for any pool size and to the single-threaded run.
 *
 * Failures: a typed error thrown in a worker arrives as the same subclass (errors.ts) and fails its
 * job (other pieces of that job are dropped or their results ignored). A worker that dies (exit,
 * uncaught exception, WASM trap) is replaced and the job it was running fails with `WorkerError`
 * as soon as the platform reports the death (Node: the `exit` event, milliseconds). Aborting a job
 * drops its queued pieces and terminates (and replaces) the workers running its pieces, so a long
 * piece does not delay the rejection or the next job. A hung worker cannot be told from a long
 * piece: only an abort or `close()` ends it.
 */
import { AbortError, InvalidInputError, WorkerError } from '../errors.js';
import type { McResult, MonteCarloSpec } from '../mc/types.js';
import type { CascadeMonteCarloResult, CascadeMonteCarloSpec } from '../lending/cascadeTypes.js';
import type { HedgeResult, HedgeSpec } from '../hedge/types.js';
import { init, type WasmSource } from '../wasm/loader.js';
import type { CrashMode } from './api.js';
import { installErrorTransfer } from './errors.js';
import type { WorkerHandle, WorkerHost } from './host.js';
import { jobFor, type BlockJob, type JobKind, type ResultOf, type SpecOf } from './jobs.js';
import { compileWasm } from '../wasm/loader.js';

/** Options of {@link createPool}. */
export interface PoolOptions {
  /** Number of workers (integer 1…1024). Default: available cores (`os.availableParallelism()` / `navigator.hardwareConcurrency`). */
  size?: number;
  /**
   * The WASM module, as for `init()`: URL, path, bytes or a compiled `WebAssembly.Module`. It is
   * compiled once here and the module is sent to every worker. Default: the release build shipped
   * with the package (`dist/wasm/tailguard.wasm`).
   */
  wasm?: WasmSource;
  /** Pieces per worker a job is cut into (integer 1…64; default 4): more balances load better, fewer sends fewer messages. */
  piecesPerWorker?: number;
}

/** Progress of a pool job, reported each time the merged prefix of blocks grows. */
export interface PoolProgress {
  /** Blocks merged so far / all blocks, in (0, 1]. */
  fraction: number;
  /** Running estimate from the merged blocks (NaN when the job has no estimate). */
  price: number;
  /** Its standard error (NaN when unavailable). */
  standardError: number;
  /** Blocks merged so far (a prefix `0 … blocksDone-1`). */
  blocksDone: number;
  /** All blocks of the job. */
  blockCount: number;
}

/** Per-call options of pool jobs. */
export interface PoolJobOptions {
  /** Called on the calling thread as pieces complete; a throwing callback fails the job. */
  onProgress?: (progress: PoolProgress) => void;
  /** Cancels the job: it rejects with `AbortError` at once. */
  signal?: AbortSignal;
}

const MAX_SPAWN_FAILURES = 3;

interface Task {
  run: JobRun;
  first: number;
  end: number;
  done: boolean;
}

interface Slot {
  index: number;
  state: 'starting' | 'idle' | 'busy' | 'dead';
  handle?: WorkerHandle;
  task?: Task;
}

/** One job in flight. */
class JobRun {
  settled = false;
  readonly pieces: Task[] = [];
  private readonly partials: Float64Array;
  private readonly width: number;
  private readonly blockCount: number;
  private merged = 0; // pieces merged (a prefix)
  private cleanup: () => void = () => undefined;

  constructor(
    readonly kind: string,
    private readonly job: BlockJob<unknown, unknown, unknown>,
    readonly plan: unknown,
    pieceCount: number,
    private readonly options: PoolJobOptions,
    private readonly resolve: (value: unknown) => void,
    private readonly reject: (error: unknown) => void,
  ) {
    this.blockCount = job.blockCount(plan);
    this.width = job.partialWidth(plan);
    this.partials = new Float64Array(this.blockCount * this.width);
    const count = Math.min(pieceCount, this.blockCount);
    for (let k = 0; k < count; k++) {
      const first = Math.floor((k * this.blockCount) / count);
      const end = Math.floor(((k + 1) * this.blockCount) / count);
      this.pieces.push({ run: this, first, end, done: false });
    }
  }

  onSettle(cleanup: () => void): void {
    this.cleanup = cleanup;
  }

  /** Places a piece's partials; reports progress; merges when all are in. */
  accept(task: Task | undefined, partials: unknown): void {
    if (this.settled) return;
    if (task === undefined) { // a job without blocks
      try {
        const result = this.job.merge(this.plan, this.partials);
        this.settle();
        this.resolve(result);
      } catch (error) {
        this.fail(error);
      }
      return;
    }
    const expected = (task.end - task.first) * this.width;
    if (!(partials instanceof Float64Array) || partials.length !== expected) {
      this.fail(new WorkerError(`a worker returned ${partials instanceof Float64Array ? `${partials.length} values` : 'no Float64Array'} for blocks [${task.first}, ${task.end}) of a '${this.kind}' job (expected ${expected})`, { kind: this.kind, first: task.first, end: task.end }));
      return;
    }
    this.partials.set(partials, task.first * this.width);
    task.done = true;
    const before = this.merged;
    while (this.merged < this.pieces.length && this.pieces[this.merged]!.done) this.merged++;
    try {
      if (this.merged > before && this.options.onProgress) {
        const blocksDone = this.pieces[this.merged - 1]!.end;
        const estimate = this.job.estimate?.(this.plan, this.partials.subarray(0, blocksDone * this.width), blocksDone);
        this.options.onProgress({
          fraction: blocksDone / this.blockCount,
          price: estimate?.price ?? Number.NaN,
          standardError: estimate?.standardError ?? Number.NaN,
          blocksDone,
          blockCount: this.blockCount,
        });
      }
      if (this.merged === this.pieces.length) {
        const result = this.job.merge(this.plan, this.partials);
        this.settle();
        this.resolve(result);
      }
    } catch (error) {
      this.fail(error);
    }
  }

  fail(error: unknown): void {
    if (this.settled) return;
    this.settle();
    this.reject(error);
  }

  private settle(): void {
    this.settled = true;
    this.cleanup();
  }
}

/** A fixed-size pool of tailguard workers. Create with {@link createPool}; `close()` when done. */
export class WorkerPool {
  private readonly slots: Slot[];
  private readonly queue: Task[] = [];
  private readonly runs = new Set<JobRun>();
  private closed = false;
  private broken: WorkerError | undefined;
  private spawnFailures = 0;
  private replacements = 0;

  /** @internal use {@link createPool}. */
  constructor(
    private readonly host: WorkerHost,
    private readonly module: WebAssembly.Module,
    /** Number of workers. */
    readonly size: number,
    private readonly piecesPerWorker: number,
  ) {
    this.slots = Array.from({ length: size }, (_, index): Slot => ({ index, state: 'starting' }));
  }

  /** @internal Starts every worker; rejects with the first start failure. */
  async start(): Promise<void> {
    await Promise.all(this.slots.map((slot) => this.startSlot(slot)));
  }

  /**
   * Runs a registered block job (see `jobs.ts`) on the pool. The pool's public methods
   * (`monteCarlo`, `cascadeMonteCarlo`, `simulateHedge`) are thin wrappers of this.
   * @internal the job kinds are internal names.
   * @throws (as a rejection) the planner's InvalidInputError; the worker's typed errors;
   *   WorkerError if a worker died, the pool is closed or cannot start workers; AbortError.
   */
  runJob<K extends JobKind>(kind: K, spec: SpecOf<K>, options: PoolJobOptions = {}): Promise<ResultOf<K>> {
    return new Promise<unknown>((resolve, reject) => {
      if (this.closed) throw new WorkerError('the worker pool is closed');
      if (this.broken && this.slots.every((slot) => slot.state === 'dead')) throw this.broken;
      const { signal, onProgress } = options;
      if (onProgress !== undefined && typeof onProgress !== 'function') {
        throw new InvalidInputError('onProgress must be a function', { field: 'onProgress', value: typeof onProgress });
      }
      if (signal?.aborted) throw abortError(kind, signal);
      const job = jobFor(kind) as BlockJob<unknown, unknown, unknown>;
      const plan = job.plan(spec);
      const run = new JobRun(kind, job, plan, this.size * this.piecesPerWorker, options, resolve, reject);
      this.runs.add(run);
      const onAbort = (): void => this.abort(run, abortError(kind, signal!));
      signal?.addEventListener('abort', onAbort, { once: true });
      run.onSettle(() => {
        signal?.removeEventListener('abort', onAbort);
        this.runs.delete(run);
        for (let i = this.queue.length - 1; i >= 0; i--) if (this.queue[i]!.run === run) this.queue.splice(i, 1);
      });
      if (run.pieces.length === 0) {
        run.accept(undefined, new Float64Array(0)); // no blocks: merge at once
        return;
      }
      this.queue.push(...run.pieces);
      this.dispatch();
    }) as Promise<ResultOf<K>>;
  }

  /**
   * Prices `spec` by Monte Carlo on the pool: bit-identical to the single-threaded `monteCarlo`
   * for any pool size. The spec is validated here (on the calling thread) before any worker runs.
   * @param spec as for `monteCarlo` (`{ model, payoff, expiryYears, paths, steps?, seed, … }`).
   * @param options `{ onProgress?, signal? }`: progress `{ fraction, price, standardError, blocksDone,
   *   blockCount }` each time the merged prefix of blocks grows; an AbortSignal.
   * @returns `{ price, standardError, confidenceInterval, paths, greeks?, manifest }`.
   * @throws (as a rejection) InvalidInputError for a bad spec; AbortError; WorkerError if a worker
   *   died during the run (it is replaced) or the pool is closed.
   */
  monteCarlo(spec: MonteCarloSpec, options?: PoolJobOptions): Promise<McResult> {
    return this.runJob('mc', spec, options);
  }

  /**
   * Liquidation-cascade Monte Carlo on the pool (src/lending/cascadeMonteCarlo.ts): bit-identical to the
   * single-threaded `cascadeMonteCarlo` for any pool size. The spec is validated and the book sorted here.
   * @returns `{ paths, badDebt, liquidatedValue, outcomes, unconvergedPaths, seed, blockSize, blocks }`.
   * @throws (as a rejection) InvalidInputError for a bad spec; AbortError; WorkerError.
   */
  cascadeMonteCarlo(spec: CascadeMonteCarloSpec, options?: PoolJobOptions): Promise<CascadeMonteCarloResult> {
    return this.runJob('cascade', spec, options);
  }

  /**
   * Hedging simulation on the pool (src/hedge/simulate.ts): bit-identical to the single-threaded
   * `simulateHedge` for any pool size. The spec is validated here before any worker runs.
   * @returns `{ paths, unfilledPaths, premium, hedgeVolPrice, pnl, costs, trades, turnover, attribution, outcomes, manifest }`.
   * @throws (as a rejection) InvalidInputError for a bad spec; AbortError; WorkerError.
   */
  simulateHedge(spec: HedgeSpec, options?: PoolJobOptions): Promise<HedgeResult> {
    return this.runJob('hedge', spec, options);
  }

  /**
   * Terminates every worker. Jobs still running reject with `WorkerError`; later calls reject too.
   * Idempotent.
   */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const error = new WorkerError('the worker pool was closed');
    for (const run of [...this.runs]) run.fail(error);
    const stopping = this.slots.map((slot) => {
      const handle = slot.handle;
      slot.state = 'dead';
      slot.handle = undefined;
      slot.task = undefined;
      return handle?.terminate();
    });
    await Promise.allSettled(stopping);
  }

  /**
   * Test-only: asks worker `index` to crash (`'exit'`, `'throw'`, `'hang'`). The request is queued
   * behind the worker's current piece, if any.
   * @internal
   */
  crashWorkerForTesting(index: number, mode: CrashMode): void {
    const handle = this.slots[index]?.handle;
    if (!handle) throw new WorkerError(`no running worker ${index}`);
    void handle.remote.crashForTesting(mode).catch(() => undefined);
  }

  /** @internal Workers replaced so far (crashes, traps, aborts), for tests and diagnostics. */
  get restarts(): number {
    return this.replacements;
  }

  /** @internal Worker states, for tests. */
  get states(): string[] {
    return this.slots.map((slot) => slot.state);
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (slot.state === 'idle') this.execute(slot, this.queue.shift()!);
    }
  }

  private execute(slot: Slot, task: Task): void {
    const handle = slot.handle!;
    const { run } = task;
    slot.state = 'busy';
    slot.task = task;
    handle.setBusy(true);
    const current = (): boolean => slot.task === task && slot.handle === handle;
    handle.remote.runBlocks(run.kind, run.plan, task.first, task.end).then(
      (partials) => {
        if (!current()) return;
        this.release(slot);
        run.accept(task, partials);
        this.dispatch();
      },
      (error: unknown) => {
        if (!current()) return;
        if (error instanceof WorkerError && error.details.fatal === true) this.replace(slot);
        else this.release(slot);
        run.fail(error);
        this.dispatch();
      },
    );
  }

  private release(slot: Slot): void {
    slot.state = 'idle';
    slot.task = undefined;
    slot.handle?.setBusy(false);
  }

  private abort(run: JobRun, error: AbortError): void {
    run.fail(error);
    for (const slot of this.slots) if (slot.task?.run === run) this.replace(slot);
    this.dispatch();
  }

  /** Terminates the slot's worker (if any) and starts a new one, retrying a few times. */
  private replace(slot: Slot): void {
    const old = slot.handle;
    if (old) this.replacements++;
    slot.handle = undefined;
    slot.task = undefined;
    slot.state = 'starting';
    void old?.terminate().catch(() => undefined);
    if (this.closed) return;
    this.startSlot(slot).catch((error: unknown) => {
      if (this.closed || slot.handle !== undefined) return;
      this.spawnFailures++;
      if (this.spawnFailures < MAX_SPAWN_FAILURES) {
        setTimeout(() => { if (!this.closed && slot.handle === undefined) this.replace(slot); }, 50 * this.spawnFailures);
        return;
      }
      slot.state = 'dead';
      this.broken = new WorkerError(`the pool cannot start workers (${MAX_SPAWN_FAILURES} failures in a row): ${error instanceof Error ? error.message : String(error)}`);
      if (this.slots.every((s) => s.state === 'dead')) for (const run of [...this.runs]) run.fail(this.broken);
    });
  }

  /** Spawns the slot's worker and initialises its WASM; resolves when idle. */
  private async startSlot(slot: Slot): Promise<void> {
    slot.state = 'starting';
    const handle = this.host.spawn(); // throws WorkerError if the platform refuses
    slot.handle = handle;
    handle.setBusy(true);
    handle.died.catch((error: unknown) => this.onDeath(slot, handle, error));
    try {
      await Promise.race([handle.remote.init(this.module), handle.died]);
    } catch (error) {
      if (slot.handle === handle) {
        if (!this.closed) this.replacements++;
        slot.handle = undefined;
        void handle.terminate().catch(() => undefined);
      }
      throw error;
    }
    if (slot.handle !== handle) return; // closed or replaced meanwhile
    this.spawnFailures = 0;
    this.release(slot);
    this.dispatch();
  }

  /** A worker died on its own: replace it; fail the job whose piece it was running. */
  private onDeath(slot: Slot, handle: WorkerHandle, error: unknown): void {
    if (this.closed || slot.handle !== handle || slot.state === 'starting') return; // starting: startSlot handles it
    const task = slot.task;
    this.replace(slot);
    if (task) {
      const base = error instanceof WorkerError ? error : new WorkerError(String(error));
      task.run.fail(new WorkerError(`${base.message}, while running blocks [${task.first}, ${task.end}) of a '${task.run.kind}' job; the worker was replaced`, {
        ...base.details, kind: task.run.kind, first: task.first, end: task.end,
      }));
    }
    this.dispatch();
  }
}

function abortError(kind: string, signal: AbortSignal): AbortError {
  const reason: unknown = signal.reason;
  const text = reason instanceof Error ? reason.message : reason === undefined ? '' : String(reason);
  return new AbortError(`the '${kind}' job was aborted${text ? ` (${text})` : ''}`, text ? { reason: text } : {});
}

function positiveInteger(field: string, value: unknown, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > max) {
    throw new InvalidInputError(`${field} (${String(value)}) must be an integer in [1, ${max}]`, { field, value, rule: `integer in [1, ${max}]` });
  }
  return value;
}

const isNode = typeof process !== 'undefined' && typeof process.versions?.node === 'string';

/** The platform's host: Node `worker_threads` or browser module workers (loaded on demand, so neither reaches the other). */
async function defaultHost(): Promise<WorkerHost> {
  return isNode ? (await import('./nodeHost.js')).nodeHost : (await import('./browserHost.js')).browserHost;
}

/**
 * Starts a pool of workers, each with its own instance of the WASM module compiled once here.
 * Resolves when every worker is ready. Also initialises this thread (`init({ wasm })`, a no-op if
 * already done), where jobs are planned and merged.
 * @param options `{ size?, wasm?, piecesPerWorker? }` (see {@link PoolOptions}).
 * @throws (as a rejection) InvalidInputError for a bad option; WasmInitError if the module cannot
 *   be compiled or instantiated; WorkerError if a worker cannot be started (in Node, e.g. when the
 *   built `dist/worker/nodeWorker.js` is missing).
 */
export async function createPool(options: PoolOptions = {}, host?: WorkerHost): Promise<WorkerPool> {
  installErrorTransfer();
  const platform = host ?? await defaultHost();
  const size = positiveInteger('size', options.size ?? platform.defaultSize(), 1024);
  const piecesPerWorker = positiveInteger('piecesPerWorker', options.piecesPerWorker ?? 4, 64);
  const module = await compileWasm(options.wasm);
  // Planning and merging run on this thread, and some plans call kernels (e.g. the geometric-Asian
  // control variate's mean): make sure this thread has an instance too (a no-op if it already has).
  await init({ wasm: module });
  const pool = new WorkerPool(platform, module, size, piecesPerWorker);
  try {
    await pool.start();
  } catch (error) {
    await pool.close();
    throw error;
  }
  return pool;
}
