// Parameter slots and per-path output slots of the hedging kernel (./kernel.ts). Mirrored in
// src/hedge/layout.ts: a change here must be made there too (test/hedge/kernel.test.ts checks the widths).

export const P_MODEL: i32 = 0;        // 0 GBM, 1 Merton, 2 Heston, 3 supplied path
export const P_OPTION: i32 = 1;       // 0 call, 1 put, 2 straddle (call + put, same strike)
export const P_POSITION: i32 = 2;     // +1 long the option, −1 short
export const P_QUANTITY: i32 = 3;     // option units (> 0)
export const P_SPOT: i32 = 4;
export const P_STRIKE: i32 = 5;
export const P_EXPIRY: i32 = 6;       // years
export const P_RATE: i32 = 7;         // continuously compounded; cash accrues at it; BSM rate
export const P_HEDGE_VOL: i32 = 8;    // vol of the BSM delta (and of the mark)
export const P_PREMIUM_VOL: i32 = 9;  // vol at which the option was traded at t = 0
export const P_VOL: i32 = 10;         // GBM / Merton diffusion vol of the simulated paths
export const P_JUMP_INTENSITY: i32 = 11;
export const P_JUMP_MEAN: i32 = 12;
export const P_JUMP_VOL: i32 = 13;
export const P_V0: i32 = 14;
export const P_KAPPA: i32 = 15;
export const P_THETA: i32 = 16;
export const P_VOL_OF_VOL: i32 = 17;
export const P_RHO: i32 = 18;
export const P_HESTON_DT: i32 = 19;   // largest QE sub-step (src/mc/plan.ts hestonSubStep)
export const P_STEPS: i32 = 20;       // time steps N over [0, T]
export const P_MODE: i32 = 21;        // 0 every k steps, 1 Whalley–Wilmott band
export const P_EVERY: i32 = 22;       // k (time mode)
export const P_RISK_AVERSION: i32 = 23; // γ of the band (1/USD)
export const P_FEE_RATE: i32 = 24;    // proportional fee (fraction of traded notional)
export const P_VENUE: i32 = 25;       // 0 none, 1 constant product, 2 depth curve
export const P_RESERVE_RISKY: i32 = 26;
export const P_RESERVE_STABLE: i32 = 27;
export const P_VENUE_FEE: i32 = 28;
export const P_KNOTS: i32 = 29;
export const P_GAS: i32 = 30;         // USD per trade
export const P_INITIAL_COSTS: i32 = 31; // 1: the initial hedge pays costs; 0: it is free (Leland's convention)
export const P_PATHS: i32 = 32;
export const P_BLOCK: i32 = 33;
export const P_SEED_LO: i32 = 34;
export const P_SEED_HI: i32 = 35;
export const P_DRIFT: i32 = 36;       // drift of the simulated spot (real-world μ; default the rate)
export const P_BAND_COST: i32 = 37;   // λ of the band formula (fraction)
export const P_COUNT: i32 = 38;

export const MODEL_GBM: i32 = 0;
export const MODEL_MERTON: i32 = 1;
export const MODEL_HESTON: i32 = 2;
export const MODEL_PATH: i32 = 3;

export const OPTION_CALL: i32 = 0;
export const OPTION_PUT: i32 = 1;
export const OPTION_STRADDLE: i32 = 2;

export const VENUE_NONE: i32 = 0;
export const VENUE_CONSTANT_PRODUCT: i32 = 1;
export const VENUE_DEPTH_CURVE: i32 = 2;

// Outputs per path (f64), in this order.
export const K_PNL: i32 = 0;          // hedged book at expiry (cash + hedge·S_T + position·payoff)
export const K_FEES: i32 = 1;
export const K_SLIPPAGE: i32 = 2;
export const K_GAS: i32 = 3;
export const K_TRADES: i32 = 4;
export const K_GAMMA: i32 = 5;        // Σ position·½ΓS²(ΔS/S)²
export const K_THETA: i32 = 6;        // Σ position·Θ·Δt
export const K_VEGA: i32 = 7;         // position·(V(hedge vol) − V(premium vol)) at t = 0
export const K_FINANCING: i32 = 8;    // Σ cash·(e^{rΔt} − 1)
export const K_DELTA_MISMATCH: i32 = 9; // Σ (position·Δ − |hedge| held)·ΔS: band / interval lag
export const K_RESIDUAL: i32 = 10;    // pnl − (vega + gamma + theta + financing + deltaMismatch − costs)
export const K_FINAL_SPOT: i32 = 11;
export const K_TURNOVER: i32 = 12;    // Σ |Δq|·S (USD traded at mid)
export const K_FILLED: i32 = 13;      // 1, or 0 when the venue could not fill a trade (outputs NaN)
export const K_COUNT: i32 = 14;
