/**
 * The protection menu for a coin holder, from a parsed Deribit chain: the expiry nearest a horizon, every
 * put / put spread / collar of its listed strikes at executable prices (buy at the ask, sell at the bid),
 * the efficient frontier of cost against CVaR under GBM at the expiry's ATM mark IV (risk neutral: drift from
 * the forward), and printable lines. Pure: no I/O; the CLI passes its loaded `OptionChain` columns.
 */
import { atmMarkIv, type ChainColumns, chainExpiries, nearestExpiry } from './chain.js';
import { optimizeProtection, type OptimizeProtectionResult, type ProtectionPoint } from './optimize.js';
import type { JumpSpec } from './types.js';
import { checkLevel, checkOpenUnit, fail } from './validate.js';

/** Options of {@link protectionMenu}. */
export interface ProtectionMenuOptions {
  currency?: string;
  /** Coins held (default 1). */
  quantity?: number;
  /** Horizon in days: the listed expiry nearest it is used (default 30). */
  targetDays?: number;
  confidence?: number;
  /** Budget as a fraction of the holding's value (default 0.02) for the highlighted choice. */
  budgetFraction?: number;
  /** Simulation vol (default: the expiry's ATM mark IV). */
  vol?: number;
  jumps?: JumpSpec;
  paths?: number;
  seed?: number;
  /** Quantity step (default 0.1, Deribit BTC options' min_trade_amount; give the exchange's step for other coins). */
  lotSize?: number;
  /** Rows printed per frontier (evenly spaced along it, ends included; default 6). */
  rows?: number;
}

/** Result of {@link protectionMenu}. */
export interface ProtectionMenu {
  currency: string;
  spot: number;
  forward: number;
  expiryMs: number;
  days: number;
  vol: number;
  budget: number;
  result: OptimizeProtectionResult;
  /** The report's text, one line per entry. */
  lines: string[];
}

const usd = (x: number): string => (Number.isFinite(x) ? `${x < 0 ? '-' : ''}$${Math.round(Math.abs(x)).toLocaleString('en-US')}` : x > 0 ? '∞' : '-∞');

function describe(p: ProtectionPoint): string {
  if (p.kind === 'none') return 'unhedged';
  return p.instruments.map((x) => `${x.quantity > 0 ? 'buy' : 'sell'} ${Math.abs(x.quantity)} ${x.name}`).join(' + ');
}

/**
 * Builds the protection menu (see the file comment).
 * @param chain parsed chain columns (the CLI's `OptionChain` fits).
 * @param options `{ currency = 'BTC', quantity = 1, targetDays = 30, confidence = 0.95, budgetFraction = 0.02, vol?, jumps?, lotSize? = 0.1,
 *   paths = 20,000, seed = 1, rows = 6 }`.
 * @returns the frontier and the text lines; figures in USD, CVaR as a positive loss at expiry.
 * @throws InvalidInputError naming the field and value.
 */
export function protectionMenu(chain: ChainColumns, options: ProtectionMenuOptions = {}): ProtectionMenu {
  const currency = options.currency ?? 'BTC';
  const quantity = options.quantity === undefined ? 1 : checkLevel('quantity', options.quantity);
  const targetDays = options.targetDays === undefined ? 30 : checkLevel('targetDays', options.targetDays);
  const confidence = options.confidence === undefined ? 0.95 : checkOpenUnit('confidence', options.confidence);
  const budgetFraction = options.budgetFraction === undefined ? 0.02 : checkOpenUnit('budgetFraction', options.budgetFraction);
  const rowsWanted = options.rows ?? 6;
  if (!Number.isInteger(rowsWanted) || rowsWanted < 2) fail('rows', rowsWanted, 'integer >= 2', 'must be an integer >= 2');
  const expiry = nearestExpiry(chainExpiries(chain, currency), targetDays);
  const vol = options.vol ?? atmMarkIv(expiry);
  const spot = expiry.spot;
  const budget = budgetFraction * quantity * spot;
  const result = optimizeProtection({
    holding: { quantity, spot }, expiryYears: expiry.expiryYears, forward: expiry.forward,
    instruments: expiry.instruments.map((x) => ({ name: x.name, type: x.type, strike: x.strike, askPremium: x.askUsd, bidPremium: x.bidUsd })),
    budget, objective: 'cvar', confidence, ...(options.lotSize === undefined ? {} : { lotSize: options.lotSize }),
    simulation: { vol, forward: expiry.forward, jumps: options.jumps, paths: options.paths ?? 20_000, seed: options.seed ?? 1 },
  });
  const pct = Math.round(confidence * 100);
  const table = (title: string, f: ProtectionPoint[]): string[] => {
    const pick = new Set<number>();
    for (let j = 0; j < rowsWanted; j++) pick.add(Math.round(j * (f.length - 1) / (rowsWanted - 1)));
    return [
      `${title} (${f.length} frontier points):`,
      `  ${'cost'.padStart(9)} ${'floor'.padStart(9)} ${'cap'.padStart(9)} ${`CVaR${pct}`.padStart(9)} ${'E[P&L]'.padStart(8)}  package`,
      ...[...pick].sort((a, b) => a - b).map((i) => {
        const p = f[i]!;
        return `  ${usd(p.cost).padStart(9)} ${usd(p.floor).padStart(9)} ${usd(p.cap).padStart(9)} ${usd(p.expectedShortfall).padStart(9)} ${usd(p.expectedPnl).padStart(8)}  ${describe(p)}`;
      }),
    ];
  };
  const lines = [
    `Protection menu for ${quantity} ${currency} (spot ${usd(spot)}), expiry ${new Date(expiry.expiryMs).toISOString().slice(0, 10)} (${expiry.days.toFixed(1)} days), ` +
      `GBM at ATM IV ${(vol * 100).toFixed(1)}%${options.jumps ? ' with jumps' : ''}, ${result.paths.toLocaleString('en-US')} paths (seed ${String(result.seed)})`,
    `Executable prices (buy at ask, sell at bid); ${result.candidates} candidates; CVaR${pct} = mean loss at expiry in the worst ${100 - pct}% of paths.`,
    `E[P&L] is the package's mean P&L at expiry under that model; its gap to the unhedged row is what the protection costs beyond its model value.`,
    ...table('Puts only', result.frontierByKind.put ?? []),
    ...table('Put spreads', result.frontierByKind.putSpread ?? []),
    ...table('All (collars sell the upside, which CVaR does not count)', result.frontier),
    result.best === null
      ? `Within a budget of ${usd(budget)} (${(budgetFraction * 100).toFixed(1)}% of the holding) nothing is affordable.`
      : `Best within ${usd(budget)} (${(budgetFraction * 100).toFixed(1)}% of the holding): ${describe(result.best)} — cost ${usd(result.best.cost)}, ` +
        `CVaR${pct} ${usd(result.best.expectedShortfall)} against ${usd(result.unhedged.expectedShortfall)} unhedged.`,
  ];
  return { currency, spot, forward: expiry.forward, expiryMs: expiry.expiryMs, days: expiry.days, vol, budget, result, lines };
}
