/** The report as plain text, at most {@link MAX_WIDTH} columns wide. */
import { type Column, clip, elide, fitLine, marked, numCell, table, wrapItems, wrapText } from './format.js';
import { compact, fitNumber, fixed, grouped, percent, plural, strikeLabel } from './numbers.js';
import { MIN_TICK } from './conventions.js';
import type { IvFailure, IvRow } from './ivCheck.js';
import { PLIQ_DAYS } from './lending.js';
import type { Report } from './report.js';
import { ATM_BAND } from './smile.js';
import { renderHedging } from './hedging.js';
import { renderMenu } from './menu.js';
import { renderPortfolio } from './portfolio.js';
import { renderRealized } from './realized.js';

const vp = (x: number, digits = 4): string => fixed(x, digits);

/** Instrument names come from the file: at most this many characters are shown. */
const NAME_WIDTH = 24;

const name = (s: string): string => clip(s, NAME_WIDTH);
const fix = (x: number, digits: number) => numCell(x, { digits });
const usd = (x: number, digits = 0) => numCell(x, { digits, group: true, significant: true });
const pct = (x: number, digits: number) => numCell(x * 100, { digits, suffix: '%' });
const exp = (x: number) => (width: number): string => {
  const text = compact(x);
  return text.length <= width ? text : fitNumber(x, { digits: 0, significant: true }, width);
};
const count = (n: number) => numCell(n, { digits: 0 });
/** A USD figure without separators (Greeks, shifts): exponent notation rather than a misleading 0.00. */
const usdFig = (x: number, digits: number) => numCell(x, { digits, significant: true });

function failureLine(f: IvFailure, ccy: string): string {
  if (f.boundCoin !== undefined && f.boundUsd !== undefined) {
    const rel = f.status === 'BELOW_INTRINSIC' ? '<' : '>=';
    const what = f.status === 'BELOW_INTRINSIC' ? 'intrinsic' : 'maximum';
    return `${name(f.instrument)} (row ${f.row}) ${f.status}: mark ${fixed(f.markCoin, 8)} ${ccy} ${rel} ${what} ` +
      `${fixed(f.boundCoin, 8)} ${ccy} (${grouped(f.boundUsd, 2)} USD)`;
  }
  return `${name(f.instrument)} (row ${f.row}) ${f.status}: ${f.reason}`;
}

function range(lo: number, hi: number): string {
  return lo === hi ? grouped(lo, 2) : `${grouped(lo, 2)}-${grouped(hi, 2)}`;
}

/** {@link range} within `width` characters when possible (both ends narrowed alike). */
function rangeWithin(lo: number, hi: number, width: number): string {
  const style = { digits: 2, group: true, significant: true };
  const one = fitNumber(lo, style, width);
  if (lo === hi) return one;
  const each = Number.isFinite(width) ? Math.floor((width - 2) / 2) : width;
  const [a, b] = [fitNumber(lo, style, each), fitNumber(hi, style, each)];
  if (a === b) return one; // the same at this precision
  return /e/.test(a + b) ? `${a}..${b}` : `${a}-${b}`; // no "-" between exponents: it reads as a sign
}

/** The largest difference explained: where the option sits and what its time value is in ticks. */
function largestNote(x: IvRow, ccy: string): string {
  const intrinsic = Math.max(x.isCall ? x.forward - x.strike : x.strike - x.forward, 0);
  const article = Math.abs(Math.log(x.strike / x.forward)) > 0.3 ? 'a deep' : 'an';
  const where = intrinsic > 0 ? 'in-the-money' : 'out-of-the-money';
  const atExchange = x.timeValueCoin - x.priceGapCoin;
  return `The largest difference, ${fixed(Math.abs(x.dIvVolPts), 2)} vp on ${name(x.instrument)} (row ${x.row}, ` +
    `${fixed(x.days, 2)} days, K/F ${fixed(x.strike / x.forward, 3)}), is ${article} ${where} ${x.isCall ? 'call' : 'put'} ` +
    `marked ${fixed(x.timeValueCoin / MIN_TICK, 2)} ticks above intrinsic, where the exchange's IV ` +
    `(${percent(x.markIv, 2)}) gives ${fixed(atExchange / MIN_TICK, 2)} ticks: with a vega of ` +
    `${compact(x.vegaCoinPerVolPt)} ${ccy} per vol point, that gap takes ${fixed(Math.abs(x.dIvVolPts), 2)} vp.`;
}

function tailNote(r: Report): string {
  const c = r.ivCheck;
  const t = c.tail;
  const ccy = r.snapshot.currency;
  const isAre = (n: number): string => (n === 1 ? 'is' : 'are');
  const hasHave = (n: number): string => (n === 1 ? 'has' : 'have');
  const worst = c.worst[0];
  if (t.count === 0) {
    return `Note on the tail: no row differs by more than ${t.thresholdVolPts} vp.` +
      (t.markIvRoundedToHundredthVolPt ? ' The exchange publishes its IV to 0.01 vp, so differences up to 0.005 vp are its rounding.' : '');
  }
  const parts = [
    `Note on the tail: ${t.count} of ${plural(c.compared, 'row')} ${t.count === 1 ? 'differs' : 'differ'} by more than ` +
      `${t.thresholdVolPts} vp.`,
    `${t.deepMoneyness} of them ${isAre(t.deepMoneyness)} deep in or out of the money (|ln K/F| > 0.3) and ` +
      `${t.subTickTimeValue} ${hasHave(t.subTickTimeValue)} a time value (mark - intrinsic) under the 0.0001 ${ccy} ` +
      'minimum tick. ' +
      `There vega is tiny (median ${compact(t.medianVegaCoin)} ${ccy} per vol point, against ` +
      `${compact(t.medianVegaCoinAll)} over the chain), so small price differences become vol points: ` +
      `the exchange's own IV misses its mark by at most ${compact(t.maxPriceGapCoin)} ${ccy} ` +
      `(${fixed(t.maxPriceGapCoin / MIN_TICK, 2)} ticks) on these rows, and by a median of ` +
      `${compact(t.medianPriceGapCoinAll)} ${ccy} (${fixed(t.medianPriceGapCoinAll / MIN_TICK, 3)} ticks) over all rows.`,
    worst !== undefined ? largestNote(worst, ccy) : '',
    t.forwardSensitive === 0 ? '' : `${t.forwardSensitive} tail ${t.forwardSensitive === 1 ? 'row is' : 'rows are'} in the money, priced mostly off the ` +
      `forward: ${t.forwardSensitive === 1 ? 'its mark fits' : 'their marks fit'} the ` +
      `exchange's IV at a forward ${fixed(t.medianAbsForwardShiftUsd, 2)} USD (median) away from the row's ` +
      'underlying (the "mark F" column above). The rows were fetched one by one over minutes after the ' +
      `snapshot's timestamp while the market moved (index_price ${range(t.indexMin, t.indexMax)} USD across ` +
      'them), so the forward a mark was computed with is not exactly the one reported beside it.',
    c.atIntrinsic.length > 0
      ? `The ${plural(c.atIntrinsic.length, 'option')} marked exactly at intrinsic (listed above) ` +
        `${c.atIntrinsic.length === 1 ? 'is' : 'are'} not in these figures.`
      : '',
    t.markIvRoundedToHundredthVolPt
      ? 'The exchange publishes its IV to 0.01 vp, so differences up to 0.005 vp are its rounding.'
      : '',
  ];
  return parts.filter((x) => x !== '').join(' ');
}

function ivSection(r: Report): string[] {
  const c = r.ivCheck;
  const ccy = r.snapshot.currency;
  const out = ['1. Implied vol check: IVs recomputed from mark prices vs the exchange\'s mark IV', ''];
  const counts = Object.entries(c.failuresByStatus).map(([k, v]) => `${k} ${v}`).join(', ');
  out.push(...fitLine(`  options ${c.options}, solved and compared ${c.compared}, failed ${c.failures.length}${counts ? ` (${counts})` : ''}`));
  if (c.atIntrinsic.length > 0) out.push(`  marked exactly at intrinsic (no vol information, listed below): ${c.atIntrinsic.length}`);
  out.push(...fitLine(`  |dIV| in vol points (1 vp = 0.01): median ${vp(c.medianAbsVolPts)}   p99 ${vp(c.p99AbsVolPts, 3)}   ` +
    `max ${vp(c.maxAbsVolPts, 3)}`));
  const w = c.withoutSubTick;
  const subTick = c.compared - w.count;
  out.push(...fitLine(`  without the ${plural(subTick, 'row')} whose time value is under one tick: median ${vp(w.median)}   ` +
    `p99 ${vp(w.p99, 3)}   max ${vp(w.max, 3)}`));
  out.push(`  median <= ${c.acceptMedianVolPts} vp: ${c.pass ? 'met' : 'not met (see the note on the tail)'}`);
  out.push('', '  Per expiry (mark F = the forward at which the exchange\'s IV reprices its in-the-money marks):');
  const ecols: Column[] = [
    { header: 'expiry' }, { header: 'days', align: 'right' }, { header: 'options', align: 'right' },
    { header: 'failed', align: 'right' }, { header: 'med |dIV|', align: 'right' }, { header: 'max |dIV|', align: 'right' },
    { header: 'underlying (USD)', align: 'right' }, { header: 'mark F', align: 'right' }, { header: 'shift', align: 'right' },
  ];
  out.push(...table(ecols, c.byExpiry.map((e) => [
    e.label, fix(e.days, 2), count(e.options), count(e.failed), fix(e.medianAbsVolPts, 4), fix(e.maxAbsVolPts, 3),
    (width: number) => rangeWithin(e.underlyingMin, e.underlyingMax, width), usd(e.markForward, 2),
    // a shift of a few thousandths of a USD is noise at F ~ 1e5, but not at F ~ 1e-4
    e.underlyingMax >= 1 ? fix(e.markForwardShiftUsd, 2) : usdFig(e.markForwardShiftUsd, 2),
  ]), 2));
  const leftOut = c.byExpiry.filter((e) => e.atIntrinsic > 0);
  if (leftOut.length > 0) {
    out.push(...wrapText('Marked exactly at intrinsic (not failed, but left out of the |dIV| columns; listed below): ' +
      `${leftOut.map((e) => `${e.label} ${e.atIntrinsic}`).join(', ')}.`, 100, 2));
  }
  out.push('', `  Worst rows (vega and gap at the exchange IV; gap = mark - Black-76 price, both in ${ccy}):`);
  const cols: Column[] = [
    { header: 'instrument' }, { header: 'row', align: 'right' }, { header: 'days', align: 'right' },
    { header: 'K/F', align: 'right' }, { header: `mark ${ccy}`, align: 'right' }, { header: 'mark IV', align: 'right' },
    { header: 'our IV', align: 'right' }, { header: 'dIV vp', align: 'right' }, { header: 'vega/vp', align: 'right' },
    { header: 'gap', align: 'right' },
  ];
  out.push(...table(cols, c.worst.map((x) => [
    name(x.instrument), String(x.row), fix(x.days, 2), fix(x.strike / x.forward, 3), fix(x.markCoin, 8),
    pct(x.markIv, 2), pct(x.iv, 2), fix(x.dIvVolPts, 3), exp(x.vegaCoinPerVolPt), exp(x.priceGapCoin),
  ]), 2));
  out.push('', `  Failures: ${c.failures.length === 0 ? 'none' : ''}`.trimEnd());
  for (const f of c.failures) out.push(...wrapText(failureLine(f, ccy), 100, 4));
  if (c.atIntrinsic.length > 0) {
    out.push('', '  Marked exactly at intrinsic (no time value: IV 0 by convention, left out of the figures):');
    out.push(...wrapItems(c.atIntrinsic.map((f) => name(f.instrument)), 100, 4, 2));
  }
  out.push('', ...wrapText(tailNote(r), 100, 2));
  return out;
}

function smileSection(r: Report): string[] {
  const ccy = r.snapshot.currency;
  const out = ['2. Smile per expiry: recomputed IV (%) by strike, OTM options (puts below F, calls at/above)', ''];
  for (const s of r.smiles) {
    out.push(...fitLine(`  ${s.label}  ${fixed(s.days, 2)} d  F ${grouped(s.forward, 2)}  ATM ${percent(s.atmIv, 2)}  ` +
      plural(s.points.length, 'strike')));
    out.push(...wrapItems(s.points.map((p) => `${strikeLabel(p.strike)} ${fixed(p.iv * 100, 1, 7)}`), 100, 4, 2));
  }
  out.push('', `  ATM term structure and the ATM call's Greeks (USD per 1 ${ccy}; Black-76 on F, r = 0):`);
  const cols: Column[] = [
    { header: 'expiry' }, { header: 'days', align: 'right' }, { header: 'F', align: 'right' },
    { header: 'ATM IV', align: 'right' }, { header: 'K', align: 'right' }, { header: 'call USD', align: 'right' },
    { header: 'delta', align: 'right' }, { header: 'gamma/$', align: 'right' }, { header: 'dDelta/1%', align: 'right' },
    { header: 'vega/vp', align: 'right' }, { header: 'theta/d', align: 'right' },
  ];
  out.push(...table(cols, r.smiles.map((s) => [
    s.label, fix(s.days, 2), usd(s.forward), marked(pct(s.atmIv, 2), s.atmMethod === 'nearest' ? '*' : ''),
    usd(s.atmStrike), usd(s.callUsd), fix(s.delta, 3), exp(s.gamma), fix(s.gammaPerPct, 3),
    usdFig(s.vegaPerVolPt, 2), usdFig(s.thetaPerDay, 2),
  ]), 2));
  const none = r.smiles.filter((s) => s.atmMethod === 'none');
  out.push(...wrapText(
    'ATM IV is interpolated linearly in strike at K = F; * = no strike on one side of F, the nearest strike ' +
    `within |ln K/F| <= ${ATM_BAND} used instead` +
    (none.length > 0 ? `; n/a = ${none.map((s) => `${s.label}: ${s.atmNote ?? 'no ATM IV'}`).join('; ')}` : '') +
    '. gamma per USD of F, vega per vol point (0.01), theta per calendar day, dDelta/1% = gamma x F / 100.', 100, 2));
  return out;
}

function protectionSection(r: Report): string[] {
  const p = r.protection;
  const ccy = r.snapshot.currency;
  const out = [`3. Protection for a holder of 1 ${ccy}: puts near 7, 30 and 90 days, strikes near 80-100% of spot`, ''];
  out.push(...fitLine(`  spot (median index_price) ${grouped(p.spot, 2)} USD; cost in USD = put price in ${ccy} x F`));
  const cols: Column[] = [
    { header: 'target' }, { header: 'expiry' }, { header: 'days', align: 'right' }, { header: 'strike', align: 'right' },
    { header: 'K/S', align: 'right' }, { header: 'IV', align: 'right' }, { header: 'mark $', align: 'right' },
    { header: '%S', align: 'right' }, { header: 'ask $', align: 'right' }, { header: '%S', align: 'right' },
    { header: 'floor', align: 'right' }, { header: 'break-even', align: 'right' },
  ];
  let fallback = false;
  const rows = p.rows.map((x) => {
    const hasAsk = Number.isFinite(x.askCoin);
    if (!hasAsk) fallback = true;
    const floor = hasAsk ? usd(x.floorAskUsd) : marked(usd(x.floorMarkUsd), 'm');
    const be = hasAsk ? usd(x.breakEvenAskUsd) : marked(usd(x.breakEvenMarkUsd), 'm');
    return [
      x.targetDays.map((d) => `${d}d`).join(','), x.expiryLabel, fix(x.days, 1), usd(x.strike),
      pct(x.moneyness, 1), pct(x.iv, 1), usd(x.costMarkUsd), pct(x.costMarkPctSpot, 2),
      usd(x.costAskUsd), pct(x.costAskPctSpot, 2), floor, be,
    ];
  });
  out.push(...table(cols, rows, 2));
  out.push(...wrapText(
    `floor = strike - cost: the least the hedged holding (1 ${ccy} + 1 put, premium paid) is worth at expiry; ` +
    `break-even = spot + cost: the ${ccy} price at expiry above which the hedged holding beats today's value. ` +
    `Both use the ask (the price a buyer pays)${fallback ? '; m = no ask in the book, mark used' : ''}. ` +
    'The JSON output has both at mark and at ask.', 100, 2));
  return out;
}

const KIND_NAMES = { vanilla: 'vanilla', asian: 'Asian', downAndIn: 'down-and-in', putSpread: 'spread' } as const;

function exoticSection(r: Report): string[] {
  const x = r.exotic;
  const ccy = r.snapshot.currency;
  const out = [`4. Exotic protection for a holder of 1 ${ccy}: near 30 days, against the vanilla put`, ''];
  if (x === null) return [...out, '  n/a: no expiry within 120 days with enough put strikes, or inputs outside the pricers\' ranges'];
  out.push(...wrapText(`${x.expiryLabel} (${fixed(x.days, 2)} days), GBM on F ${grouped(x.forward, 2)} USD, r = 0, ` +
    `vol ${percent(x.vol, 2)} (recomputed IV of ${name(x.volInstrument)}) for every contract; Monte Carlo ` +
    `${grouped(x.mc.paths)} antithetic paths, seed ${x.mc.seed}; barrier monitored continuously.`, 100, 2));
  const cols: Column[] = [
    { header: 'contract' }, { header: 'MC $', align: 'right' }, { header: '+-SE', align: 'right' },
    { header: '%S', align: 'right' }, { header: 'x van', align: 'right' }, { header: 'closed $', align: 'right' },
    { header: '%S', align: 'right' }, { header: 'z', align: 'right' },
  ];
  out.push(...table(cols, x.rows.map((e) => [
    clip(e.label, 36), usd(e.mcUsd, 2), usdFig(e.mcStandardErrorUsd, 2), pct(e.mcPctSpot, 3), fix(e.ratioToVanilla, 2),
    marked(usd(e.closedFormUsd, 2), e.closedFormKind === 'geometricAsian' ? 'g' : ''), pct(e.closedFormPctSpot, 3),
    e.closedFormKind === 'geometricAsian' ? '-' : fix(e.zScore, 1), // a bound, not a value to test against
  ]), 2));
  for (const e of x.rows) out.push(...wrapText(`${KIND_NAMES[e.kind]}: ${e.note}.`, 100, 2));
  out.push(...wrapText('closed = Black-76 (vanilla; spread = long leg - short leg), barrierOption (down-and-in), ' +
    'g = geometric Asian on the same fixings, an upper bound for the arithmetic Asian put (no z); z = (MC - closed) / SE, ' +
    'the spread\'s SE being the sum of its legs\' SEs. USD per 1 ' + `${ccy}; %S = of spot.`, 100, 2));
  return out;
}

function lendingSection(r: Report): string[] {
  const l = r.lending;
  const a = l.cascadeBook.assumptions;
  const out = ['5. Lending: the Euler v1 borrower book of 2022-10-30 under ETH/USD shocks', ''];
  out.push(...wrapText(`${plural(l.accounts, 'account')} with a liability (${l.excluded.length} oracle artefact left out), ` +
    `risk-adjusted collateral ${grouped(l.collateralEth)} ETH, liability ${grouped(l.liabilityEth)} ETH ` +
    `(${compact(l.liabilityEth * l.ethUsd)} USD at ETH ${grouped(l.ethUsd, 2)} USD, the day's Binance open). ` +
    'Health score = risk-adjusted collateral / liability; ETH-like markets (WETH, stETH, wstETH, rETH, cbETH) move ' +
    'with ETH/USD, all others are fixed in USD.', 100, 2));
  out.push('');
  out.push(...table([{ header: 'health score' }, { header: 'accounts', align: 'right' }, { header: 'liability', align: 'right' }],
    l.buckets.map((b) => [Number.isFinite(b.high) ? `[${b.low}, ${b.high})` : `>= ${b.low}`, fix(b.accounts, 0), pct(b.liabilityShare, 1)]), 2));
  const [q1, q2, q3] = l.fallQuartiles;
  out.push(...wrapText(`ETH falls that liquidate: ${l.sides.below} accounts (quartiles of the fall ${percent(q1, 1)}, ` +
    `${percent(q2, 1)}, ${percent(q3, 1)}; liability-weighted median ${percent(l.fallLiabilityMedian, 1)}); ` +
    `${l.sides.never} cannot be liquidated by an ETH fall (same-asset loops, non-ETH collateral), ` +
    `${l.sides.above} by an ETH rise only, ${l.sides.always} are under water whatever ETH does.`, 100, 2));
  out.push('');
  out.push(...wrapText(`Cascades: the ${l.cascadeBook.positions} accounts with only ETH-like collateral and only other ` +
    `liabilities (${grouped(l.cascadeBook.collateralEth)} ETH against ${compact(l.cascadeBook.debtUsd)} USD), ` +
    `liquidated under Aave v3.0 rules (close factor 50 %, 100 % at HF <= 0.95, bonus ${percent(a.liquidationBonus, 0)} assumed), ` +
    `liquidators selling at once into a constant-product ETH/USD pool of ${grouped(a.venueEth)} ETH a side ` +
    `(fee ${percent(a.fee, 1)}), skipping liquidations that lose money after $${a.gasUsd} gas.`, 100, 2));
  out.push(...table([
    { header: 'shock' }, { header: 'HF<1 accts', align: 'right' },
    { header: 'liquidated', align: 'right' }, { header: 'rounds', align: 'right' }, { header: 'ETH sold', align: 'right' },
    { header: 'repaid $', align: 'right' }, { header: 'final $', align: 'right' }, { header: 'vs shock', align: 'right' },
    { header: 'bad debt $', align: 'right' },
  ], l.shocks.map((x) => [
    `-${percent(x.drop, 0)}`, fix(x.liquidatableAccounts, 0), fix(x.cascade.positionsLiquidated, 0),
    fix(x.cascade.rounds, 0), usd(x.cascade.collateralSold, 1), usd(x.cascade.debtRepaid), usd(x.cascade.finalPrice, 2),
    pct(x.cascade.finalPrice / x.shockedPrice - 1, 1), usd(x.cascade.totalBadDebt),
  ]), 2));
  out.push(...wrapText(`HF<1 accts: whole book, the shock alone (no feedback). Before any shock ${grouped(l.cascadeBook.underwaterUsd)} USD ` +
    `of the ETH-collateral loans' debt is already under water. The cascade columns: the ETH-collateral ` +
    'loans only. vs shock = final pool price against the shocked price (the cascade\'s own impact); bad debt = booked ' +
    '(positions taken whole) + debt still under water at the final price.', 100, 2));
  out.push('');
  if (l.pLiq === null) return [...out, '  P(liquidation): n/a (the snapshot has no ETH options near 30 days)'];
  const p = l.pLiq;
  out.push(...wrapText(`P(liquidation within ${PLIQ_DAYS} days) of a loan with ETH collateral and USD debt (HF moves with ETH/USD, ` +
    `GBM, no drift), at the snapshot's ETH ATM implied vol ${percent(p.vol, 1)} (${p.expiryLabel}, ${fixed(p.days, 1)} days):`, 100, 2));
  out.push(...table([{ header: 'loan' }, { header: 'HF', align: 'right' }, { header: 'P(liq)', align: 'right' },
    { header: 'distance (sd)', align: 'right' }],
  p.rows.map((x) => [x.label, fix(x.healthFactor, 3), pct(x.probability, 2), fix(x.distanceToLiquidation, 2)]), 2));
  return out;
}

/**
 * Renders the report as plain text: a header, the IV check, the smiles and term structure, the
 * protection table, exotic protection, lending, and the loss-minimisation sections 6-9 (protection
 * menu, hedging simulation, realised vs implied vol, portfolio risk); every line at most 100 characters.
 */
export function renderText(r: Report): string {
  const s = r.snapshot;
  const head = [
    `tailguard report: ${s.currency} options, Deribit snapshot of ${s.timestamp}`,
    `file:     ${elide(s.file, 90)}`,
    `sha256:   ${s.sha256}`,
    `options:  ${s.options} ${s.currency} options of ${plural(s.rowsInFile, 'row')}`,
    `model:    ${r.conventions.model}`,
    `price:    ${r.conventions.price}`,
    `time:     ${r.conventions.time}`,
  ];
  const crossed = s.crossedBooks;
  if (crossed.count > 0) {
    const named = crossed.rows.map((x) => `${name(x.instrument)} (row ${x.row}: bid ${fixed(x.bid, 8)} > ask ${fixed(x.ask, 8)})`);
    head.push(...wrapText(`warning:  ${plural(crossed.count, 'option')} quoted with bid > ask (crossed book), kept: ` +
      `${named.join(', ')}${crossed.count > named.length ? ', ...' : ''}. Only the ask is used, as the price a buyer pays.`, 100, 0));
  }
  const ccy = s.currency;
  return [...head, '', ...ivSection(r), '', ...smileSection(r), '', ...protectionSection(r), '', ...exoticSection(r), '',
    ...lendingSection(r), '', ...renderMenu(r.menu, ccy), '', ...renderHedging(r.hedging, ccy), '',
    ...renderRealized(r.realized, ccy), '', ...renderPortfolio(r.portfolio, ccy), ''].join('\n');
}
