/** Where the CLI finds its shipped data, resolved from this module (src/cli/ or dist/cli/ alike). */
import { fileURLToPath } from 'node:url';

/** The snapshot `tailguard report` reads by default: Deribit, 2025-12-31T09:18:28Z (data/README.md). */
export const DEFAULT_SNAPSHOT = fileURLToPath(
  new URL('../../data/deribit/deribit_options_snapshot_20251231T091828Z.csv', import.meta.url),
);
