/**
 * Starts `server.js` as a child process and resolves once it prints its `listening` line. Used by the load
 * test and the tests (test/service/), so that each drives a real process: its own event loop, pool, signals.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SERVER = fileURLToPath(new URL('./server.js', import.meta.url));

/**
 * @param {Record<string, string>} [env] extra environment (PORT defaults to 0: an ephemeral port).
 * @param {{ timeoutMs?: number, entry?: string }} [options] `entry`: another script printing the same line (tests).
 * @returns `{ child, url, port, workers, stdout(), stderr(), exited: Promise<{ code, signal }>, stop(signal?) }`.
 */
export function spawnServer(env = {}, { timeoutMs = 30_000, entry = SERVER } = {}) {
  const child = spawn(process.execPath, [entry], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  child.stderr.on('data', (d) => { err += d; });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`server did not start in ${timeoutMs} ms:\n${err}`)); }, timeoutMs);
    child.stdout.on('data', (d) => {
      out += d;
      const line = out.split('\n').find((l) => l.includes('"event":"listening"'));
      if (line && timer) {
        clearTimeout(timer);
        const event = JSON.parse(line);
        resolve({
          child, url: event.url, port: event.port, workers: event.workers, exited,
          stdout: () => out, stderr: () => err,
          stop: (signal = 'SIGTERM') => { child.kill(signal); return exited; },
        });
      }
    });
    exited.then(({ code, signal }) => { clearTimeout(timer); reject(new Error(`server exited (code ${code}, signal ${signal}) before listening:\n${err}`)); });
  });
}
