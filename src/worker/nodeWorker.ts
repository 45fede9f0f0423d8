/**
 * Node worker entry (`worker_threads`): exposes {@link WorkerApi} on `parentPort` through comlink's
 * Node adapter. Started by `nodeHost.ts` from the built file (`dist/worker/nodeWorker.js`): Node 20
 * cannot start a worker from TypeScript source.
 */
import { parentPort } from 'node:worker_threads';
import { expose } from 'comlink';
import nodeEndpoint, { type NodeEndpoint } from 'comlink/dist/esm/node-adapter.mjs';
import { createWorkerApi } from './api.js';
import { installErrorTransfer } from './errors.js';

if (!parentPort) throw new Error('tailguard: nodeWorker.js must be started as a worker_threads Worker');

installErrorTransfer();
expose(createWorkerApi({ exit: (code) => process.exit(code) }), nodeEndpoint(parentPort as unknown as NodeEndpoint));
