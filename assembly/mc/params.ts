// Layout of the Monte Carlo parameter block (f64 slots) written by the facade (src/mc/plan.ts, which
// mirrors these numbers in `Slot`) and read by ./kernel.ts. Units as DESIGN §4: prices in currency,
// times in years, vols/rates decimal. Flags are 0/1 stored as f64.

export const P_MODEL: i32 = 0;       // 0 GBM, 1 Merton, 2 Heston
export const P_PAYOFF: i32 = 1;      // 0 european, 1 digital, 2 asian, 3 barrier, 4 lookback
export const P_CALL: i32 = 2;        // 1 call, 0 put
export const P_SPOT: i32 = 3;
export const P_STRIKE: i32 = 4;
export const P_EXPIRY: i32 = 5;
export const P_RATE: i32 = 6;
export const P_DIV: i32 = 7;
export const P_VOL: i32 = 8;         // GBM / Merton diffusion vol
export const P_CASH: i32 = 9;        // digital cash amount
export const P_GEOMETRIC: i32 = 10;  // asian: 1 geometric average, 0 arithmetic
export const P_BARRIER: i32 = 11;
export const P_UP: i32 = 12;         // barrier: 1 up, 0 down
export const P_OUT: i32 = 13;        // barrier: 1 knock-out, 0 knock-in
export const P_REBATE: i32 = 14;     // paid at expiry
export const P_CONTINUOUS: i32 = 15; // barrier: 1 continuous (Brownian-bridge), 0 discrete at fixings
export const P_FLOATING: i32 = 16;   // lookback: 1 floating strike, 0 fixed
export const P_LAMBDA: i32 = 17;     // Merton jump intensity (per year)
export const P_JMEAN: i32 = 18;      // Merton mean of log(1 + J)
export const P_JVOL: i32 = 19;       // Merton sd of log(1 + J)
export const P_V0: i32 = 20;         // Heston
export const P_KAPPA: i32 = 21;
export const P_THETA: i32 = 22;
export const P_XI: i32 = 23;
export const P_RHO: i32 = 24;
export const P_PATHS: i32 = 25;      // total simulated paths (antithetic: 2 per pair)
export const P_BLOCK: i32 = 26;      // paths per block (power of two)
export const P_ANTI: i32 = 27;       // 1 antithetic pairs
export const P_CV_GEOM: i32 = 28;    // control variate: 1 discounted geometric-Asian payoff, 0 discounted S_T
export const P_GREEKS: i32 = 29;     // 1 compute delta, gamma, vega
export const P_SEED_LO: i32 = 30;    // u32
export const P_SEED_HI: i32 = 31;    // u32
export const P_NGRID: i32 = 32;      // number of grid times t_1 … t_N (t_N = expiry)
export const P_SPOT_BUMP: i32 = 33;  // relative spot bump for CRN Greeks (barrier)
export const P_VOL_BUMP: i32 = 34;   // absolute vol bump for CRN Greeks (barrier)
export const P_NO_FAST: i32 = 35;    // 1 forces the generic path (tests of the fast path's bit-identity)
export const P_QMC: i32 = 37;        // 1 randomised quasi-Monte Carlo (Sobol' + Brownian bridge + digital shifts; GBM)
export const P_REPS: i32 = 38;       // QMC: independent replications R (each paths / R points)
export const P_BPR: i32 = 39;        // QMC: blocks per replication (block b: replication ⌊b / P_BPR⌋)
export const P_HESTON_DT: i32 = 36; // Heston: largest internal QE sub-step (years; see src/mc/plan.ts hestonSubStep)
/** Number of parameter slots. */
export const P_COUNT: i32 = 40;

export const MODEL_GBM: i32 = 0;
export const MODEL_MERTON: i32 = 1;
export const MODEL_HESTON: i32 = 2;

export const PAY_EUROPEAN: i32 = 0;
export const PAY_DIGITAL: i32 = 1;
export const PAY_ASIAN: i32 = 2;
export const PAY_BARRIER: i32 = 3;
export const PAY_LOOKBACK: i32 = 4;

// Partial sums of one block (f64 each), in this order:
export const S_N: i32 = 0;     // samples (paths, or antithetic pairs)
export const S_Y: i32 = 1;     // Σ Y   (Y = discounted payoff, pair mean with antithetics)
export const S_YY: i32 = 2;    // Σ Y²
export const S_C: i32 = 3;     // Σ C   (control variate)
export const S_CC: i32 = 4;    // Σ C²
export const S_YC: i32 = 5;    // Σ Y·C
export const S_D: i32 = 6;     // Σ delta, Σ delta², Σ gamma, Σ gamma², Σ vega, Σ vega² (greeks only)
/** Partial width without / with Greeks. */
export const WIDTH_BASE: i32 = 6;
export const WIDTH_GREEKS: i32 = 12;
