// Natural scale of each output, used to turn absolute differences into comparable numbers where a
// value is near zero (relative error would be meaningless): the size the value has for an
// at-the-money option of that spot, strike and expiry.

export function naturalScale(name, inp, i) {
  const S = inp.spots[i];
  switch (name) {
    case 'price': case 'theta': return S;
    case 'gamma': return 1 / S;
    case 'vega': case 'volga': return S * Math.sqrt(inp.expiries[i]);
    case 'rho': return inp.strikes[i] * inp.expiries[i];
    default: return 1; // delta, vanna, charm
  }
}

/**
 * Error of `x` against `ref`: relative, except that values smaller than `floor` × their natural
 * scale are measured absolutely in units of (floor × natural scale). NaN stays NaN.
 */
export function scaledError(x, ref, name, inp, i, floor) {
  return Math.abs(x - ref) / Math.max(Math.abs(ref), floor * naturalScale(name, inp, i));
}
