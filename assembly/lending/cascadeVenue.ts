// The venue liquidators sell seized collateral into, as seen by the cascade (cascadeKernel.ts). Module
// state (the kernel is single-threaded); prices in USD per unit of the risky asset.
//
// Constant product (Uniswap v2, PROTOCOLS §4): reserves x (risky) and y (USD), fee on the input, kept in
// the pool; swap output from ../amm/constantProduct.ts. Spot = y / x. An exogenous move by a factor m
// (the outside market moving between rounds) is applied as an arbitrage that keeps x·y = k and sets the
// pool's spot to spot·m: x ← x/√m, y ← y·√m (the arbitrageur's fee and gas are ignored).
//
// Depth curve (../amm/depthCurve.ts): the all-in impact I(s) of selling s units at once from the reference
// spot S. The cascade sells in pieces; it keeps Q, the units sold since the last exogenous move, and books
// the piece q at the proceeds the curve gives the cumulative sale, S·[(Q+q)(1 − I(Q+q)) − Q(1 − I(Q))], so
// that splitting a sale does not change its total proceeds. The venue's spot after selling Q is taken as
// S·(1 − I(Q))²: exact for a constant-product-shaped curve (there 1 − I = R/(R+Q) and the marginal price
// is S·(R/(R+Q))²) and first-order exact for any smooth curve (marginal impact = 2 × average impact at
// first order). An exogenous move sets S ← spot·m and Q ← 0 (the book refills around the new price).

import { cpAmountOut } from "../amm/constantProduct";
import { depthCurveKeep } from "../amm/depthCurve";

export const VENUE_CONSTANT_PRODUCT: i32 = 0;
export const VENUE_DEPTH_CURVE: i32 = 1;

let vType: i32 = 0;
let vX: f64 = 0.0;
let vY: f64 = 0.0;
let vFee: f64 = 0.0;
let vRef: f64 = 0.0;
let vQ: f64 = 0.0;
let vKeep: f64 = 1.0; // 1 − I(vQ), cached
let vSizes: usize = 0;
let vImpacts: usize = 0;
let vN: i32 = 0;

/** Sets a constant-product venue: reserves (risky units, USD) and fee fraction. */
export function venueSetConstantProduct(x: f64, y: f64, fee: f64): void {
  vType = VENUE_CONSTANT_PRODUCT;
  vX = x; vY = y; vFee = fee;
}

/** Sets a depth-curve venue: spot (USD), and the curve's n points (sizes, impacts: f64 columns). */
export function venueSetDepthCurve(spot: f64, sizes: usize, impacts: usize, n: i32): void {
  vType = VENUE_DEPTH_CURVE;
  vRef = spot; vQ = 0.0; vKeep = 1.0;
  vSizes = sizes; vImpacts = impacts; vN = n;
}

/** The venue's current spot price (USD per unit). */
// @ts-ignore: decorator
@inline
export function venueSpot(): f64 {
  return vType == VENUE_CONSTANT_PRODUCT ? vY / vX : vRef * vKeep * vKeep;
}

/** USD proceeds of selling q units now (the state is not changed). */
export function venueQuote(q: f64): f64 {
  if (vType == VENUE_CONSTANT_PRODUCT) return cpAmountOut(vX, vY, q, vFee);
  const after = vQ + q;
  return vRef * (after * depthCurveKeep(vSizes, vImpacts, vN, after) - vQ * vKeep);
}

/** Books the sale of q units for `proceeds` USD (as quoted by `venueQuote`). */
export function venueSell(q: f64, proceeds: f64): void {
  if (vType == VENUE_CONSTANT_PRODUCT) {
    vX += q;
    vY -= proceeds;
  } else {
    vQ += q;
    vKeep = depthCurveKeep(vSizes, vImpacts, vN, vQ);
  }
}

/** The outside market moves the price by the factor m (> 0) between rounds (see the file comment). */
export function venueMove(m: f64): void {
  if (m == 1.0) return;
  if (vType == VENUE_CONSTANT_PRODUCT) {
    const s = Math.sqrt(m);
    vX = vX / s;
    vY = vY * s;
  } else {
    vRef = venueSpot() * m;
    vQ = 0.0;
    vKeep = 1.0;
  }
}
