/**
 * Test fixture: the node-service example with its pool's `monteCarlo` replaced by one that throws an
 * unexpected (non-tailguard) error whose message holds a secret and a file path, to check that a 500
 * leaks neither. Prints the same `listening` line as server.js.
 */
import { readConfig } from '../../examples/node-service/config.js';
import { createService } from '../../examples/node-service/service.js';

const service = await createService(readConfig());
service.pool.monteCarlo = async () => {
  throw new TypeError('secret-token-42 at /internal/secret/path.js:42');
};
service.server.listen(0, '127.0.0.1', () => {
  const { port } = service.server.address();
  process.stdout.write(`${JSON.stringify({ event: 'listening', url: `http://127.0.0.1:${port}`, port, workers: service.pool.size })}\n`);
});
process.on('SIGTERM', () => service.shutdown('SIGTERM').then(({ forced }) => process.exit(forced ? 1 : 0)));
