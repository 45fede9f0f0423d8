/**
 * Report section 6 (issue #6 §7): the protection menu for a holder of 1 coin with its efficient frontier
 * of cost against CVaR (`protectionMenu`, src/strategies/menu.ts: executable prices, GBM at the ATM mark
 * IV, common random numbers), and for a sample borrower of the shipped Euler v1 loan book the cost of
 * keeping the loan alive against P(liquidation) (`preventLiquidation`, src/strategies/preventLiquidation.ts)
 * at the snapshot's ETH price and ETH ATM implied vol.
 */
import {
  type LiquidationRisk, type ProtectionPoint, TailguardError, preventLiquidation, protectionMenu, yearsFromDays,
} from '../index.js';
import { type Column, fitLine, numCell, table, wrapText } from './format.js';
import { type LoanBook } from './loanBook.js';
import { cascadeLoans } from './lending.js';
import { fixed, grouped, percent, plural, strikeLabel } from './numbers.js';
import type { OptionChain } from './snapshot.js';
import { median } from './stats.js';
import { expiryLabel } from './time.js';

/** Menu settings: horizon (days, nearest listed expiry), budget (fraction of the holding), CVaR level, paths, seed. */
export const MENU = { targetDays: 30, budgetFraction: 0.02, confidence: 0.95, paths: 20_000, seed: 1 } as const;
/** Frontier rows printed per table (evenly spaced along the frontier, both ends included). */
export const MENU_ROWS = 6;
/** Deribit minimum trade amounts (contracts of 1 coin): BTC 0.1, ETH 1 (public/get_instruments). */
export const LOT_SIZE: Readonly<Record<string, number>> = { BTC: 0.1, ETH: 1 };
/** The sample borrower's loan is rescaled to this much ETH collateral (health factor and threshold kept). */
export const BORROWER_COLLATERAL_ETH = 10;
/** Horizon of the borrower's P(liquidation), days. */
export const BORROWER_DAYS = 30;

/** One frontier point as plain data (USD; CVaR/VaR as positive losses at expiry). */
export interface MenuPoint {
  kind: ProtectionPoint['kind'];
  /** Short description: `buy 1 P88k + sell 1 C90k` (all legs share the menu's expiry). */
  label: string;
  legs: { name: string; type: 'call' | 'put'; strike: number; quantity: number; premium: number }[];
  cost: number;
  floor: number;
  cap: number;
  expectedShortfall: number;
  valueAtRisk: number;
  expectedPnl: number;
}

/** The sample borrower and its frontier of remedy cost against P(liquidation). */
export interface BorrowerFrontier {
  /** Source account (cascade loan of median health score) and its figures in the book (ETH at 2022-10-30). */
  borrower: string;
  bookCollateralEth: number;
  bookDebtUsd: number;
  healthFactor: number;
  liquidationThreshold: number;
  liquidationBonus: number;
  /** The loan as analysed: rescaled to {@link BORROWER_COLLATERAL_ETH} ETH at the snapshot's ETH price. */
  collateralEth: number;
  debtUsd: number;
  ethSpot: number;
  vol: number;
  volExpiry: string;
  horizonDays: number;
  baseline: LiquidationRisk;
  /** Every remedy tried, in the library's order (shock, then puts by strike, deleverage, add collateral). */
  remedies: LiquidationRisk[];
  /** Indices into [baseline, ...remedies] of the non-dominated (cost, P(liq)) points, cost ascending. */
  frontier: number[];
}

/** Section 6. `menu` null when the chain has no usable expiry; `borrower` null without ETH options. */
export interface MenuSection {
  menu: {
    currency: string; spot: number; forward: number; expiry: string; days: number; vol: number;
    budget: number; budgetFraction: number; confidence: number; paths: number; seed: number | string;
    candidates: number; lotSize: number;
    unhedged: MenuPoint; best: MenuPoint | null;
    frontier: MenuPoint[]; frontierPuts: MenuPoint[]; frontierPutSpreads: MenuPoint[];
  } | null;
  borrower: BorrowerFrontier | null;
}

/** Options of {@link menuSection}. */
export interface MenuOptions { paths?: number }

function point(p: ProtectionPoint): MenuPoint {
  const legs = p.instruments.map((x) => ({ name: x.name, type: x.type, strike: x.strike, quantity: x.quantity, premium: x.premium }));
  const label = p.kind === 'none' ? 'unhedged' : legs.map((x) =>
    `${x.quantity > 0 ? 'buy' : 'sell'} ${Math.abs(x.quantity)} ${x.type === 'put' ? 'P' : 'C'}${strikeLabel(x.strike)}`).join(' + ');
  return {
    kind: p.kind, label, legs, cost: p.cost, floor: p.floor, cap: p.cap,
    expectedShortfall: p.expectedShortfall, valueAtRisk: p.valueAtRisk, expectedPnl: p.expectedPnl,
  };
}

/**
 * The sample borrower: among the cascade loans of the book (ETH-like collateral, non-ETH debt; lending.ts
 * `cascadeLoans`), the one of median health factor (the lower middle for an even count), rescaled to
 * {@link BORROWER_COLLATERAL_ETH} ETH at `ethSpot` with its health factor and liquidation threshold kept.
 */
function borrowerFrontier(book: LoanBook, bookEthUsd: number, ethSpot: number, vol: number, volExpiry: string,
  liquidationBonus: number): BorrowerFrontier | null {
  const loans = cascadeLoans(book, bookEthUsd);
  const n = loans.collateral.length;
  if (n === 0) return null;
  const hf = Array.from({ length: n }, (_, i) => loans.collateral[i]! * bookEthUsd * loans.liquidationThreshold[i]! / loans.debt[i]!);
  const order = hf.map((_, i) => i).sort((a, b) => hf[a]! - hf[b]!);
  const i = order[Math.floor((n - 1) / 2)]!;
  if (!(hf[i]! > 1)) return null;
  const lt = loans.liquidationThreshold[i]!;
  const debtUsd = BORROWER_COLLATERAL_ETH * ethSpot * lt / hf[i]!;
  const r = preventLiquidation({
    loan: { collateralAmount: BORROWER_COLLATERAL_ETH, debtValue: debtUsd, liquidationThreshold: lt, liquidationBonus },
    spot: ethSpot, vol, horizonYears: yearsFromDays(BORROWER_DAYS),
  });
  return {
    borrower: loans.borrowers[i]!, bookCollateralEth: loans.collateral[i]!, bookDebtUsd: loans.debt[i]!,
    healthFactor: hf[i]!, liquidationThreshold: lt, liquidationBonus,
    collateralEth: BORROWER_COLLATERAL_ETH, debtUsd, ethSpot, vol, volExpiry, horizonDays: BORROWER_DAYS,
    baseline: r.baseline, remedies: r.remedies,
    frontier: r.frontierByProbability.map((p) => (p === r.baseline ? 0 : 1 + r.remedies.indexOf(p))),
  };
}

/**
 * Computes section 6 (the library must be initialised).
 * @param chain one currency's options; @param currency e.g. 'BTC'.
 * @param lending `{ book, bookEthUsd, eth }`: the shipped loan book, ETH/USD on its day, and the snapshot's ETH
 *   spot (median index price) with its ATM vol near 30 days (null when the snapshot has no ETH options).
 */
export function menuSection(chain: OptionChain, currency: string,
  lending: { book: LoanBook; bookEthUsd: number; liquidationBonus: number; eth: { spot: number; vol: number; expiry: string } | null },
  opts: MenuOptions = {}): MenuSection {
  const lotSize = LOT_SIZE[currency] ?? 1;
  let menu: MenuSection['menu'] = null;
  try {
    const m = protectionMenu(chain, {
      currency, targetDays: MENU.targetDays, budgetFraction: MENU.budgetFraction, confidence: MENU.confidence,
      paths: opts.paths ?? MENU.paths, seed: MENU.seed, lotSize,
    });
    const r = m.result;
    menu = {
      currency, spot: m.spot, forward: m.forward, expiry: expiryLabel(m.expiryMs), days: m.days, vol: m.vol,
      budget: m.budget, budgetFraction: MENU.budgetFraction, confidence: r.confidence, paths: r.paths, seed: r.seed,
      candidates: r.candidates, lotSize,
      unhedged: point(r.unhedged), best: r.best === null ? null : point(r.best),
      frontier: r.frontier.map(point), frontierPuts: (r.frontierByKind.put ?? []).map(point),
      frontierPutSpreads: (r.frontierByKind.putSpread ?? []).map(point),
    };
  } catch (err) {
    if (!(err instanceof TailguardError)) throw err; // a chain the menu cannot use (no expiry, odd prices)
  }
  let borrower: BorrowerFrontier | null = null;
  if (lending.eth !== null) {
    try {
      borrower = borrowerFrontier(lending.book, lending.bookEthUsd, lending.eth.spot, lending.eth.vol, lending.eth.expiry,
        lending.liquidationBonus);
    } catch (err) {
      if (!(err instanceof TailguardError)) throw err;
    }
  }
  return { menu, borrower };
}

/** The median index price of a chain's rows (USD), the report's spot. */
export function chainSpot(chain: OptionChain): number {
  return median(chain.indexPrice);
}

const usd = (x: number) => numCell(x, { digits: 0, group: true, significant: true });
const money = (x: number): string => (Number.isFinite(x) ? grouped(x) : x > 0 ? 'inf' : '-inf');

/** Rows picked evenly along a frontier (both ends). */
function pick<T>(f: readonly T[], rows: number): T[] {
  const at = new Set<number>();
  for (let j = 0; j < rows; j++) at.add(Math.round(j * (f.length - 1) / Math.max(rows - 1, 1)));
  return [...at].sort((a, b) => a - b).map((i) => f[i]!).filter((x) => x !== undefined);
}

function frontierTable(title: string, f: readonly MenuPoint[], pct: number): string[] {
  const cols: Column[] = [
    { header: 'cost $', align: 'right' }, { header: 'floor $', align: 'right' }, { header: 'cap $', align: 'right' },
    { header: `CVaR${pct} $`, align: 'right' }, { header: 'E[P&L] $', align: 'right' }, { header: 'package' },
  ];
  const rows = pick(f, MENU_ROWS).map((p) => [
    usd(p.cost), usd(p.floor), Number.isFinite(p.cap) ? usd(p.cap) : 'none', usd(p.expectedShortfall), numCell(p.expectedPnl, { digits: 0, group: true }),
    p.label.length <= 44 ? p.label : `${p.label.slice(0, 43)}~`,
  ]);
  return [...fitLine(`  ${title} (${plural(f.length, 'frontier point')}, ${Math.min(f.length, MENU_ROWS)} shown):`), ...table(cols, rows, 4)];
}

/** Section 6 as text lines (≤ 100 columns). */
export function renderMenu(s: MenuSection, ccy: string): string[] {
  const out = [`6. Protection menu for a holder of 1 ${ccy}: efficient frontier of cost against CVaR`, ''];
  const m = s.menu;
  if (m === null) {
    out.push('  n/a: the chain has no expiry the menu can use');
  } else {
    const pct = Math.round(m.confidence * 100);
    out.push(...wrapText(`${m.expiry} (${fixed(m.days, 1)} days), spot ${grouped(m.spot, 2)} USD, F ${grouped(m.forward, 2)}; ` +
      `GBM at the expiry's ATM mark IV ${percent(m.vol, 1)} (risk neutral, drift from F), ${grouped(m.paths)} paths, ` +
      `seed ${String(m.seed)}, the same paths for every package. ${m.candidates} candidates: puts, put spreads and ` +
      `collars of the listed strikes in lots of ${m.lotSize} ${ccy}, hedge ratio 0.5 or 1, bought at the ask and sold ` +
      `at the bid. CVaR${pct} = mean loss at expiry in the worst ${100 - pct}% of paths; floor/cap = least/most the ` +
      'hedged holding is worth at expiry net of the premium; E[P&L] below the unhedged row is what the protection ' +
      'costs beyond its model value. Strikes in USD (88k = 88,000).', 100, 2));
    out.push('', ...frontierTable('Puts only', m.frontierPuts, pct), '', ...frontierTable('Put spreads', m.frontierPutSpreads, pct), '',
      ...frontierTable('All packages (collars sell the upside, which CVaR does not count)', m.frontier, pct), '');
    out.push(...wrapText(m.best === null
      ? `Within a budget of ${money(m.budget)} USD (${percent(m.budgetFraction, 1)} of the holding) nothing is affordable.`
      : `Best within ${money(m.budget)} USD (${percent(m.budgetFraction, 1)} of the holding): ${m.best.label}, cost ` +
        `${money(m.best.cost)} USD, CVaR${pct} ${money(m.best.expectedShortfall)} USD against ` +
        `${money(m.unhedged.expectedShortfall)} USD unhedged.`, 100, 2));
  }
  out.push('');
  const b = s.borrower;
  if (b === null) return [...out, '  Sample borrower: n/a (the snapshot has no ETH options near 30 days)'];
  out.push(...wrapText(`Sample borrower: ${b.borrower} of the Euler v1 book, the cascade loan (ETH collateral, stable ` +
    `debt) of median health factor ${fixed(b.healthFactor, 3)}, liquidation threshold ${fixed(b.liquidationThreshold, 4)}; ` +
    `in the book ${grouped(b.bookCollateralEth, 2)} ETH against ${grouped(b.bookDebtUsd)} USD (2022-10-30). Scaled to ` +
    `${b.collateralEth} ETH at the snapshot's ETH ${grouped(b.ethSpot, 2)} USD with the same health factor and threshold: ` +
    `debt ${grouped(b.debtUsd)} USD, liquidation price ${grouped(b.baseline.liquidationPrice, 2)} USD. ` +
    `P(liquidation within ${b.horizonDays} days) by the first-passage closed form under GBM at the ETH ATM IV ` +
    `${percent(b.vol, 1)} (${b.volExpiry}); liquidation bonus ${percent(b.liquidationBonus, 0)}, close factor 50%. ` +
    `Remedies sized to keep HF >= 1 through a 10-50% fall: puts (BSM at the same vol), deleveraging (30 bps to ` +
    `sell), adding collateral (5%/yr capital cost). * = on the frontier of cost against P(liq):`, 100, 2));
  const cols: Column[] = [
    { header: 'remedy' }, { header: 'fall', align: 'right' }, { header: 'size' }, { header: 'cost $', align: 'right' },
    { header: 'liq price $', align: 'right' }, { header: 'HF', align: 'right' }, { header: 'P(liq)', align: 'right' },
    { header: 'E[loss] $', align: 'right' },
  ];
  const size = (p: LiquidationRisk): string => {
    if (p.action === 'puts') return `${fixed(p.putQuantity ?? NaN, 2)} puts K ${grouped(p.putStrike ?? NaN)}`;
    if (p.action === 'deleverage') return `sell ${grouped(p.collateralSoldUsd ?? NaN)} USD`;
    if (p.action === 'addCollateral') return `add ${fixed(p.collateralAdded ?? NaN, 2)} ETH`;
    return '-';
  };
  const on = new Set(b.frontier);
  out.push(...table(cols, [b.baseline, ...b.remedies].map((p, i) => [
    `${on.has(i) ? '*' : ' '} ${p.action === 'none' ? 'none (as is)' : p.action}`, p.action === 'none' ? '-' : percent(p.shock, 0), size(p),
    numCell(p.cost, { digits: 2, group: true, significant: true }), usd(p.liquidationPrice), numCell(p.healthFactor, { digits: 3 }),
    numCell(p.probability * 100, { digits: 2, suffix: '%', significant: true }), numCell(p.expectedLoss, { digits: 2, significant: true }),
  ]), 2));
  return out;
}
