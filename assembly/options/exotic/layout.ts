// Output layout shared by the exotic kernels: three f64 columns of n, in the order price, delta, vega.
// (The European kernel's `greeks` level used internally to get delta and vega: 1 = first-order Greeks.)

/** `greeks` argument of ../european.ts `europeanOne` that yields price, delta, gamma, vega, theta, rho. */
export const GreeksLevel1: i32 = 1;
/** Number of output columns of every exotic kernel: price, delta, vega. */
export const EXOTIC_COLUMNS: i32 = 3;
