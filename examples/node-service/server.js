#!/usr/bin/env node
/**
 * Entry point: `npm run service` (or `node examples/node-service/server.js`). Reads the configuration
 * from the environment (config.js), starts the service, prints one JSON line
 * `{"event":"listening","url":…,"port":…,"workers":…}`, and shuts down gracefully on SIGTERM or SIGINT
 * (exit 0 once drained; exit 1 if SHUTDOWN_TIMEOUT_MS ran out or on a second signal).
 * Needs the built package (`npm run build`): it imports `tailguard`, which resolves to this repository's
 * own `dist/` through the package's `exports` (Node's package self-reference).
 */
import { readConfig } from './config.js';
import { createService } from './service.js';

let config;
try {
  config = readConfig();
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}

const service = await createService(config);
service.server.listen(config.PORT, config.HOST, () => {
  const { port } = service.server.address();
  const host = config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST;
  process.stdout.write(`${JSON.stringify({ event: 'listening', url: `http://${host}:${port}`, port, workers: service.pool.size })}\n`);
});

let signals = 0;
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    if (++signals > 1) process.exit(1);
    service.shutdown(signal).then(({ forced }) => process.exit(forced ? 1 : 0), () => process.exit(1));
  });
}
