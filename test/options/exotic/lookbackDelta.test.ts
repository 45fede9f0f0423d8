// Lookback delta at small vol (tester's report, item 4). Expected values: Haug (2007) §4.15.1–4.15.2
// closed forms in mpmath at 60 digits, delta = ∂V/∂S with the running extremum held fixed (one-sided,
// away from the extremum, where the spot equals it), by scripts/vectors/lookback_delta_mpmath.py.
//
// Before: the spot step 1e-5·S was as long as the scale σ²/(2|r − q|)·S on which the price varies near
// the extremum, so a new floating call gave 0.05246 (vol 0.003), 0.20867 (0.001), 0.9857 (1e-4) instead
// of ≈ 0.0488, and the new floating put (r 0, q 0.05, vol 0.001) −0.119 instead of +0.04878. Now a new
// floating-strike contract takes delta = V/S (V homogeneous of degree 1 in (S, m), ∂V/∂m = 0 at S = m),
// and otherwise the step is min(1e-5, 1e-4·ℓ)·S with ℓ = min(1, σ√T, σ²/(2|r − q|)).
import { describe, it } from 'vitest';
import { lookbackOption } from '../../../src/index.js';
import { useWasm } from '../../helpers/wasm.js';
import { close } from './helpers.js';

useWasm();

// [type, strikeType, spot, strike, expiry, vol, rate, dividendYield, runningExtremum, price, delta] (mpmath)
type Row = ['call' | 'put', 'floating' | 'fixed', number, number, number, number, number, number, number, number, number];
const NEW_FLOATING: Row[] = [
  ['call', 'floating', 100, 0, 1, 0.3, 0.05, 0, 100, 23.788436501680829405, 0.23788436501680829405],
  ['call', 'floating', 100, 0, 1, 0.003, 0.05, 0, 100, 4.8856186147491055169, 0.048856186147491055169],
  ['call', 'floating', 100, 0, 1, 0.001, 0.05, 0, 100, 4.8780087793530998049, 0.048780087793530998049],
  ['call', 'floating', 100, 0, 1, 0.0001, 0.05, 0, 100, 4.877067062222844098, 0.04877067062222844098],
  ['put', 'floating', 100, 0, 1, 0.001, 0, 0.05, 100, 4.8780575499285990909, 0.048780575499285990909],
  ['put', 'floating', 100, 0, 1, 0.003, 0.05, 0, 100, 0.009, 0.00009],
];
const OTHERS: Row[] = [
  ['call', 'floating', 100, 0, 1, 0.001, 0.05, 0.02, 99.99, 2.9064411034403145111, 0.97784155788583224748],
  ['call', 'floating', 100, 0, 1, 0.01, 0.05, 0.02, 99.99, 3.0556769736689008457, 0.085866804451601583023],
  ['call', 'floating', 100, 0, 1, 0.01, 0.05, 0.02, 99.9, 3.0789668903644368688, 0.45923335583430748753],
  ['put', 'floating', 100, 0, 1, 0.001, 0.05, 0.02, 100.01, 0.001633664455511258837, 0.00001633664455511258837],
  ['put', 'floating', 100, 0, 1, 0.01, 0.05, 0.02, 100.01, 0.16330100457617930461, 0.0016253852357057506537],
  ['call', 'fixed', 100, 100, 1, 0.001, 0.05, 0.02, 100, 2.8985585450596405718, 0.98021500995131041481],
  ['put', 'fixed', 100, 100, 1, 0.001, 0.05, 0.02, 100, 0.0015853823741678566818, -0.95121357067697233052],
  ['put', 'fixed', 100, 100, 1, 0.01, 0.05, 0.02, 99.99, 0.15875209306477153275, -0.8943318688551537192],
];

function run(row: Row) {
  const [type, strikeType, spot, strike, expiryYears, vol, rate, dividendYield, runningExtremum] = row;
  return lookbackOption(strikeType === 'fixed'
    ? { type, strikeType, spot, strike, expiryYears, vol, rate, dividendYield, runningExtremum }
    : { type, strikeType, spot, expiryYears, vol, rate, dividendYield, runningExtremum });
}

describe('lookback delta at small vol (Haug closed form, mpmath 60 digits)', () => {
  it.each(NEW_FLOATING)('new %s (%s) S %s K %s T %s vol %s r %s q %s extremum %s: delta = V/S', (...row) => {
    const got = run(row as Row);
    close(got.price, row[9], 1e-12, 0, 'price');
    close(got.delta, row[10], 1e-12, 0, 'delta');
  });

  it.each(OTHERS)('%s %s S %s K %s T %s vol %s r %s q %s extremum %s: difference quotient', (...row) => {
    const got = run(row as Row);
    close(got.price, row[9], 1e-12, 1e-16, 'price');
    close(got.delta, row[10], 2e-7, 0, 'delta');
  });
});
