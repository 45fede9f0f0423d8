/**
 * Service configuration from environment variables, validated at start (a bad value stops the service
 * with exit code 1 and a message naming the variable). Every limit the API states comes from here.
 *
 * | variable             | default                      | meaning                                                     |
 * |----------------------|------------------------------|-------------------------------------------------------------|
 * | PORT                 | 8080                         | TCP port (0: an ephemeral port, printed at start)           |
 * | HOST                 | 127.0.0.1                    | interface to bind (0.0.0.0 to accept remote clients)        |
 * | WORKERS              | os.availableParallelism()    | worker threads of the Monte Carlo pool (1 … 64)             |
 * | MAX_BODY_BYTES       | 1048576 (1 MiB)              | largest request body; larger → 413                          |
 * | MC_TIME_LIMIT_MS     | 10000                        | wall-time limit of one Monte Carlo job (queue included) → 504 |
 * | MC_MAX_PATHS         | 10000000                     | largest `paths` of a Monte Carlo request; larger → 400      |
 * | MC_MAX_QUEUE         | 64                           | Monte Carlo jobs in flight at once; more → 503 + Retry-After |
 * | SHUTDOWN_TIMEOUT_MS  | 10000                        | on SIGTERM/SIGINT, how long in-flight requests may finish   |
 */
import { availableParallelism } from 'node:os';
import { z } from 'zod';

const int = (lo, hi) => z.coerce.number().int().min(lo).max(hi);

const schema = z.object({
  PORT: int(0, 65535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  WORKERS: int(1, 64).default(Math.min(availableParallelism(), 64)),
  MAX_BODY_BYTES: int(1, 64 * 1024 * 1024).default(1024 * 1024),
  MC_TIME_LIMIT_MS: int(1, 600_000).default(10_000),
  MC_MAX_PATHS: int(2, 1e9).default(10_000_000),
  MC_MAX_QUEUE: int(1, 10_000).default(64),
  SHUTDOWN_TIMEOUT_MS: int(0, 600_000).default(10_000),
});

/**
 * Reads the configuration from `env` (empty strings count as unset).
 * @returns `{ PORT, HOST, WORKERS, MAX_BODY_BYTES, MC_TIME_LIMIT_MS, MC_MAX_PATHS, MC_MAX_QUEUE, SHUTDOWN_TIMEOUT_MS }`.
 * @throws Error naming the first bad variable and its value.
 */
export function readConfig(env = process.env) {
  const raw = {};
  for (const key of Object.keys(schema.shape)) if (env[key] !== undefined && env[key] !== '') raw[key] = env[key];
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = String(issue.path[0]);
    throw new Error(`config: ${key}=${JSON.stringify(env[key])} is invalid: ${issue.message}`);
  }
  return parsed.data;
}
