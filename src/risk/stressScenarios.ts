/**
 * Named historical stress scenarios (issue #6 §5), measured on the shipped hourly Binance candles
 * (`data/ohlc/Binance_{BTC,ETH}USDT_1h.clean.csv`, provenance in data/ohlc/README.md).
 *
 * Definition (per underlying, per UTC day): `spotShock` is the worst peak-to-trough move within the day, the
 * largest fall from an hourly bar's high to the low of the same or a later bar of that day,
 * min_{i ≤ j} low_j / high_i − 1 (`dayStress(...).highLow`; in all four cases below the trough bar comes after
 * the peak bar, so the order is certain). Also given: `closePathShock`, the same on the path (day open, hourly
 * closes), which ignores intrabar wicks, and `closeToCloseLogReturn`, ln(last close of the day / last close of
 * the previous day) (BTC 2020-03-12: −0.5026, as the daily file gives: data/ohlc/README.md).
 *
 * Recipe: `dayStress(loadCandles(file), Date.UTC(y, m − 1, d))` (src/risk/stressMoves.ts,
 * src/cli/candles.ts); test/risk/stress.test.ts recomputes every figure below from the data and requires equality.
 * The vol shock is not in candle data: scenarios move spot only (pass `volShift` to `stressTest` to add one).
 */

/** One underlying's move in a stress scenario. */
export interface StressShock {
  /** Worst high-to-later-low move within the UTC day, a simple return (S' = S·(1 + spotShock)). */
  spotShock: number;
  /** ln(1 + spotShock). */
  logShock: number;
  /** The peak: its bar's open time (UTC) and high, USDT. */
  peak: { barOpenUtc: string; high: number };
  /** The trough: its bar's open time (UTC) and low, USDT. */
  trough: { barOpenUtc: string; low: number };
  /** Worst fall along (day open, hourly closes), a simple return. */
  closePathShock: number;
  /** ln(day's last close / previous day's last close). */
  closeToCloseLogReturn: number;
}

/** A named historical scenario: one shock per underlying. */
export interface StressScenario {
  name: string;
  /** The UTC day (YYYY-MM-DD). */
  date: string;
  description: string;
  shocks: Record<string, StressShock>;
}

/** The 2020-03-12 ("Black Thursday") and 2021-05-19 crashes, measured on the hourly candles (see the recipe above). */
export const stressScenarios: readonly StressScenario[] = Object.freeze([
  {
    name: 'black-thursday-2020-03-12',
    date: '2020-03-12',
    description: 'COVID crash; MakerDAO zero-bid auctions (PROTOCOLS §3). Binance hourly, UTC day.',
    shocks: {
      BTC: {
        spotShock: -0.4464090020674929, logShock: -0.5913291357709547,
        peak: { barOpenUtc: '2020-03-12T00:00:00Z', high: 7966.17 }, trough: { barOpenUtc: '2020-03-12T23:00:00Z', low: 4410.0 },
        closePathShock: -0.3950484717412017, closeToCloseLogReturn: -0.5026069427414592,
      },
      ETH: {
        spotShock: -0.4824852978777806, logShock: -0.658717344348158,
        peak: { barOpenUtc: '2020-03-12T00:00:00Z', high: 195.55 }, trough: { barOpenUtc: '2020-03-12T23:00:00Z', low: 101.2 },
        closePathShock: -0.44596886079852016, closeToCloseLogReturn: -0.5905343858695511,
      },
    },
  },
  {
    name: 'may-crash-2021-05-19',
    date: '2021-05-19',
    description: 'China mining/exchange ban sell-off; intraday lows at 13:00-14:00 UTC. Binance hourly, UTC day.',
    shocks: {
      BTC: {
        spotShock: -0.31168822229717175, logShock: -0.37351337843142374,
        peak: { barOpenUtc: '2021-05-19T00:00:00Z', high: 43584.9 }, trough: { barOpenUtc: '2021-05-19T13:00:00Z', low: 30000.0 },
        closePathShock: -0.1777175985500975, closeToCloseLogReturn: -0.15519381949293082,
      },
      ETH: {
        spotShock: -0.45143866601970517, logShock: -0.6004561842234102,
        peak: { barOpenUtc: '2021-05-19T00:00:00Z', high: 3441.73 }, trough: { barOpenUtc: '2021-05-19T13:00:00Z', low: 1888.0 },
        closePathShock: -0.2992225369472724, closeToCloseLogReturn: -0.32486074648231034,
      },
    },
  },
]);
