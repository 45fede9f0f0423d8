// Per-element status codes written by every batch kernel (DESIGN §5).
// Mirrored once in src/errors.ts (`Status`); later domains append codes, never renumber.

/** The element was computed normally. */
export const OK: u8 = 0;
/** An input was non-finite, out of range, or zero/negative where forbidden; outputs are NaN. */
export const INVALID_INPUT: u8 = 1;
/** Implied vol: the price is below the discounted intrinsic value. */
export const BELOW_INTRINSIC: u8 = 2;
/** Implied vol: the price is at or above the no-arbitrage maximum (S·e^{−qT} for a call, K·e^{−rT} for a put). */
export const ABOVE_MAXIMUM: u8 = 3;
/** An iterative solver did not reach its tolerance. */
export const NO_CONVERGENCE: u8 = 4;
/** A Greek has no limit at this input (e.g. gamma at the strike as expiry → 0); that Greek is NaN. */
export const DEGENERATE: u8 = 5;
