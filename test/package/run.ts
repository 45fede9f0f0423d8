// Child processes for the package tests: npm, node, vite, tsc, publint and attw, run in a user's
// environment: without the npm_* variables an outer `npm test` exports (e.g. npm_config_dry_run or
// the package's own fields, which must not leak into the fresh consumer project's npm) and without
// vitest's (NODE_ENV=test, VITEST*), with their output kept for the failure message.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = new URL('../../', import.meta.url);
export const ROOT_PATH = fileURLToPath(ROOT);

/** The repository's own copy of a tool (pinned in its lockfile), run with the current node. */
export function repoBin(path: string): string {
  return fileURLToPath(new URL(`node_modules/${path}`, ROOT));
}

const KEEP = new Set(['npm_config_cache', 'npm_config_registry', 'npm_config_userconfig']);

function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key === 'NODE_ENV' || key.startsWith('VITEST')) continue;
    if (!key.toLowerCase().startsWith('npm_') || KEEP.has(key.toLowerCase())) env[key] = value;
  }
  env.NO_COLOR = '1';
  env.FORCE_COLOR = '0';
  return env;
}

export interface Ran { stdout: string; stderr: string; ms: number }

/** Runs `file args` in `cwd`; rejects with the command, exit code and both outputs on failure. */
export function run(file: string, args: readonly string[], cwd: string, timeoutMs = 240_000): Promise<Ran> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    execFile(file, args, { cwd, env: cleanEnv(), timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) {
        reject(new Error(`${file} ${args.join(' ')} (in ${cwd}) failed: ${error.message}\n--- stdout\n${stdout}\n--- stderr\n${stderr}`));
      } else {
        resolve({ stdout, stderr, ms: performance.now() - start });
      }
    });
  });
}

/** Runs a repository tool's JS entry with the current node. */
export function runNode(script: string, args: readonly string[], cwd: string, timeoutMs?: number): Promise<Ran> {
  return run(process.execPath, [script, ...args], cwd, timeoutMs);
}
