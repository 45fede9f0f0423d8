/** Where the CLI finds its shipped data, resolved from this module (src/cli/ or dist/cli/ alike). */
import { fileURLToPath } from 'node:url';

/** The snapshot `tailguard report` reads by default: Deribit, 2025-12-31T09:18:28Z (data/README.md). */
export const DEFAULT_SNAPSHOT = fileURLToPath(
  new URL('../../data/deribit/deribit_options_snapshot_20251231T091828Z.csv', import.meta.url),
);

/** The loan book of the report's lending section: Euler v1 accounts, 2022-10-30 (data/loanbook/README.md). */
export const DEFAULT_LOAN_BOOK = fileURLToPath(new URL('../../data/loanbook/euler_v1_accounts_20221030.csv', import.meta.url));

/** Binance BTCUSDT daily candles (data/ohlc/README.md): the report's realised vol and portfolio VaR. */
export const BTC_DAILY = fileURLToPath(new URL('../../data/ohlc/BTCUSDT_1d.csv', import.meta.url));

/** Binance ETHUSDT daily candles (data/ohlc/README.md): ETH/USD at the loan book's snapshot. */
export const ETH_DAILY = fileURLToPath(new URL('../../data/ohlc/ETHUSDT_1d.csv', import.meta.url));

/** The loan book's snapshot day (UTC midnight, epoch ms): its accounts were updated 07:43–07:53 UTC that day. */
export const LOAN_BOOK_DAY_MS = Date.UTC(2022, 9, 30);
