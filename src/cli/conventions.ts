/** Market conventions the report relies on (Deribit options). */

/** 1 vol point = 0.01 of vol. */
export const VOL_POINT = 0.01;

/** Deribit's minimum price tick for options, in coin (0.0001 BTC / ETH). */
export const MIN_TICK = 0.0001;
