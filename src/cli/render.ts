/** The report as plain text, at most {@link MAX_WIDTH} columns wide. */
import { type Column, compact, fixed, grouped, percent, strikeLabel, table, wrapItems, wrapText } from './format.js';
import { MIN_TICK } from './conventions.js';
import type { IvFailure } from './ivCheck.js';
import type { Report } from './report.js';

const vp = (x: number, digits = 4): string => fixed(x, digits);

function failureLine(f: IvFailure, ccy: string): string {
  if (f.boundCoin !== undefined && f.boundUsd !== undefined) {
    const rel = f.status === 'BELOW_INTRINSIC' ? '<' : '>=';
    const what = f.status === 'BELOW_INTRINSIC' ? 'intrinsic' : 'maximum';
    return `${f.instrument} (row ${f.row}) ${f.status}: mark ${fixed(f.markCoin, 8)} ${ccy} ${rel} ${what} ` +
      `${fixed(f.boundCoin, 8)} ${ccy} (${grouped(f.boundUsd, 2)} USD)`;
  }
  return `${f.instrument} (row ${f.row}) ${f.status}: ${f.reason}`;
}

function range(lo: number, hi: number): string {
  return lo === hi ? grouped(lo, 2) : `${grouped(lo, 2)}-${grouped(hi, 2)}`;
}

function tailNote(r: Report): string {
  const c = r.ivCheck;
  const t = c.tail;
  const ccy = r.snapshot.currency;
  const parts = [
    `Note on the tail: ${t.count} of ${c.compared} rows differ by more than ${t.thresholdVolPts} vp.`,
    `${t.deepMoneyness} of them are deep in or out of the money (|ln K/F| > 0.3) and ${t.subTickTimeValue} ` +
      `have a time value (mark - intrinsic) under the 0.0001 ${ccy} minimum tick` +
      `${t.zeroMark > 0 ? `, ${t.zeroMark} of them marked 0 (IV 0 by convention, price = intrinsic)` : ''}. ` +
      `There vega is tiny (median ${compact(t.medianVegaCoin)} ${ccy} per vol point, against ` +
      `${compact(t.medianVegaCoinAll)} over the chain), so small price differences become vol points: ` +
      `the exchange's own IV misses its mark by at most ${compact(t.maxPriceGapCoin)} ${ccy} ` +
      `(${fixed(t.maxPriceGapCoin / MIN_TICK, 2)} ticks) on these rows, and by a median of ` +
      `${compact(t.medianPriceGapCoinAll)} ${ccy} (${fixed(t.medianPriceGapCoinAll / MIN_TICK, 3)} ticks) over all rows.`,
    `${t.forwardSensitive} tail rows are in the money, priced mostly off the forward: their marks fit the ` +
      `exchange's IV at a forward ${fixed(t.medianAbsForwardShiftUsd, 2)} USD (median) away from the row's ` +
      'underlying (the "mark F" column above). The rows were fetched one by one over minutes after the ' +
      `snapshot's timestamp while the market moved (index_price ${range(t.indexMin, t.indexMax)} USD across ` +
      'them), so the forward a mark was computed with is not exactly the one reported beside it.',
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
  out.push(`  options ${c.options}, solved and compared ${c.compared}, failed ${c.failures.length}${counts ? ` (${counts})` : ''}`);
  if (c.atIntrinsic.length > 0) out.push(`  marked exactly at intrinsic (no vol information, listed below): ${c.atIntrinsic.length}`);
  out.push(`  |dIV| in vol points (1 vp = 0.01): median ${vp(c.medianAbsVolPts)}   p99 ${vp(c.p99AbsVolPts, 3)}   ` +
    `max ${vp(c.maxAbsVolPts, 3)}`);
  const w = c.withoutSubTick;
  out.push(`  without the ${c.compared - w.count} rows whose time value is under one tick: median ${vp(w.median)}   ` +
    `p99 ${vp(w.p99, 3)}   max ${vp(w.max, 3)}`);
  out.push(`  median <= ${c.acceptMedianVolPts} vp: ${c.pass ? 'met' : 'not met (see the note on the tail)'}`);
  out.push('', '  Per expiry (mark F = the forward at which the exchange\'s IV reprices its in-the-money marks):');
  const ecols: Column[] = [
    { header: 'expiry' }, { header: 'days', align: 'right' }, { header: 'options', align: 'right' },
    { header: 'failed', align: 'right' }, { header: 'med |dIV|', align: 'right' }, { header: 'max |dIV|', align: 'right' },
    { header: 'underlying (USD)', align: 'right' }, { header: 'mark F', align: 'right' }, { header: 'shift', align: 'right' },
  ];
  out.push(...table(ecols, c.byExpiry.map((e) => [
    e.label, fixed(e.days, 2), String(e.options), String(e.failed), vp(e.medianAbsVolPts), fixed(e.maxAbsVolPts, 3),
    range(e.underlyingMin, e.underlyingMax), grouped(e.markForward, 2), fixed(e.markForwardShiftUsd, 2),
  ]), 2));
  out.push('', `  Worst rows (vega and gap at the exchange IV; gap = mark - Black-76 price, both in ${ccy}):`);
  const cols: Column[] = [
    { header: 'instrument' }, { header: 'row', align: 'right' }, { header: 'days', align: 'right' },
    { header: 'K/F', align: 'right' }, { header: `mark ${ccy}`, align: 'right' }, { header: 'mark IV', align: 'right' },
    { header: 'our IV', align: 'right' }, { header: 'dIV vp', align: 'right' }, { header: 'vega/vp', align: 'right' },
    { header: 'gap', align: 'right' },
  ];
  out.push(...table(cols, c.worst.map((x) => [
    x.instrument, String(x.row), fixed(x.days, 2), fixed(x.strike / x.forward, 3), fixed(x.markCoin, 8),
    percent(x.markIv, 2), percent(x.iv, 2), fixed(x.dIvVolPts, 3), compact(x.vegaCoinPerVolPt), compact(x.priceGapCoin),
  ]), 2));
  out.push('', `  Failures: ${c.failures.length === 0 ? 'none' : ''}`.trimEnd());
  for (const f of c.failures) out.push(...wrapText(failureLine(f, ccy), 100, 4));
  if (c.atIntrinsic.length > 0) {
    out.push('', '  Marked exactly at intrinsic (no time value: IV 0 by convention, left out of the figures):');
    out.push(...wrapItems(c.atIntrinsic.map((f) => f.instrument), 100, 4, 2));
  }
  out.push('', ...wrapText(tailNote(r), 100, 2));
  return out;
}

function smileSection(r: Report): string[] {
  const ccy = r.snapshot.currency;
  const out = ['2. Smile per expiry: recomputed IV (%) by strike, OTM options (puts below F, calls at/above)', ''];
  for (const s of r.smiles) {
    out.push(`  ${s.label}  ${fixed(s.days, 2)} d  F ${grouped(s.forward, 2)}  ATM ${percent(s.atmIv, 2)}  ${s.points.length} strikes`);
    out.push(...wrapItems(s.points.map((p) => `${strikeLabel(p.strike)} ${fixed(p.iv * 100, 1)}`), 100, 4, 2));
  }
  out.push('', `  ATM term structure and the ATM call's Greeks (USD per 1 ${ccy}; Black-76 on F, r = 0):`);
  const cols: Column[] = [
    { header: 'expiry' }, { header: 'days', align: 'right' }, { header: 'F', align: 'right' },
    { header: 'ATM IV', align: 'right' }, { header: 'K', align: 'right' }, { header: 'call USD', align: 'right' },
    { header: 'delta', align: 'right' }, { header: 'gamma/USD', align: 'right' }, { header: 'dDelta/1%', align: 'right' },
    { header: 'vega/vp', align: 'right' }, { header: 'theta/day', align: 'right' },
  ];
  out.push(...table(cols, r.smiles.map((s) => [
    s.label, fixed(s.days, 2), grouped(s.forward, 0), percent(s.atmIv, 2) + (s.atmMethod === 'nearest' ? '*' : ''),
    grouped(s.atmStrike, 0), grouped(s.callUsd, 0), fixed(s.delta, 3), compact(s.gamma), fixed(s.gammaPerPct, 3),
    fixed(s.vegaPerVolPt, 2), fixed(s.thetaPerDay, 2),
  ]), 2));
  out.push(...wrapText(
    'ATM IV is interpolated linearly in strike at K = F (* = no strike on one side of F: nearest strike). ' +
    'vega per vol point (0.01), theta per calendar day, dDelta/1% = gamma x F / 100.', 100, 2));
  return out;
}

function protectionSection(r: Report): string[] {
  const p = r.protection;
  const ccy = r.snapshot.currency;
  const out = [`3. Protection for a holder of 1 ${ccy}: puts near 7, 30 and 90 days, strikes near 80-100% of spot`, ''];
  out.push(`  spot (median index_price) ${grouped(p.spot, 2)} USD; cost in USD = put price in ${ccy} x F`);
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
    const floor = hasAsk ? grouped(x.floorAskUsd, 0) : `${grouped(x.floorMarkUsd, 0)}m`;
    const be = hasAsk ? grouped(x.breakEvenAskUsd, 0) : `${grouped(x.breakEvenMarkUsd, 0)}m`;
    return [
      x.targetDays.map((d) => `${d}d`).join(','), x.expiryLabel, fixed(x.days, 1), grouped(x.strike, 0),
      percent(x.moneyness, 1), percent(x.iv, 1), grouped(x.costMarkUsd, 0), percent(x.costMarkPctSpot, 2),
      grouped(x.costAskUsd, 0), percent(x.costAskPctSpot, 2), floor, be,
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

/**
 * Renders the report as plain text: a header, the IV check, the smiles and term structure, and the
 * protection table; every line at most 100 characters.
 */
export function renderText(r: Report): string {
  const s = r.snapshot;
  const head = [
    `tailguard report: ${s.currency} options, Deribit snapshot of ${s.timestamp}`,
    `file:     ${s.file}`,
    `sha256:   ${s.sha256}`,
    `options:  ${s.options} ${s.currency} options of ${s.rowsInFile} rows`,
    `model:    ${r.conventions.model}`,
    `price:    ${r.conventions.price}`,
    `time:     ${r.conventions.time}`,
  ];
  return [...head, '', ...ivSection(r), '', ...smileSection(r), '', ...protectionSection(r), ''].join('\n');
}
