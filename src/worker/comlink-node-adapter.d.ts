// comlink 4.4.2 ships its Node adapter as an .mjs without a matching .d.mts and has no "exports"
// map, so NodeNext resolution finds no types for the deep import; this declares the one we use.
declare module 'comlink/dist/esm/node-adapter.mjs' {
  import type { Endpoint } from 'comlink';

  /** What the adapter needs from a Node `MessagePort` / `Worker` / `parentPort`. */
  export interface NodeEndpoint {
    postMessage(message: unknown, transfer?: readonly unknown[]): void;
    on(type: string, listener: (value: unknown) => void): void;
    off(type: string, listener: (value: unknown) => void): void;
    start?: () => void;
  }

  /** Wraps a Node endpoint (event emitter style) as a comlink `Endpoint` (DOM style). */
  export default function nodeEndpoint(nep: NodeEndpoint): Endpoint;
}
