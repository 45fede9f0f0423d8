// Runs the repository's Vite CLI with the dApp's config as a child process (dev server or preview of the
// build) on 127.0.0.1 at a free port, and stops it. Vite serves every asset with its proper MIME type
// (the worker tests' tiny server knows no .css), as a user's `npm run dev` or a static host would.
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { repoBin, ROOT_PATH } from '../package/run.js';

/** The page's Vite config. */
export const CONFIG = fileURLToPath(new URL('../../examples/dapp/vite.config.ts', import.meta.url));

/** Starts `vite <command>` (`'dev'` or `'preview'`) with the page's config; resolves with its origin. */
export async function startVite(command: 'dev' | 'preview', timeoutMs = 90_000): Promise<{ origin: string; log: () => string; stop(): Promise<void> }> {
  const args = [repoBin('vite/bin/vite.js'), ...(command === 'preview' ? ['preview'] : []), '--config', CONFIG, '--port', '0',
    '--clearScreen', 'false'];
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: ROOT_PATH, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  try {
    const origin = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`vite ${command} did not start within ${timeoutMs} ms:\n${log}`)), timeoutMs);
      const onData = (chunk: Buffer): void => {
        log += chunk.toString();
        const url = /Local:\s+(http:\/\/127\.0\.0\.1:\d+)\//.exec(log);
        if (url) { clearTimeout(timer); resolve(url[1]!); }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`vite ${command} exited (${code}):\n${log}`)); });
    });
    return { origin, log: () => log, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
