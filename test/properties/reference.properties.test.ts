// Property tests of src/reference (no WASM): parity, bounds, monotonicity, Greeks vs central
// differences, implied-vol round trips, batch vs scalar, batch statuses. Fixed seed (arbitraries.ts).
import * as reference from '../../src/reference/index.js';
import { optionProperties } from './suite.js';

optionProperties('reference', () => reference);
