// Bad input for maxDrawdown / valueAtRisk / expectedShortfall (DESIGN §5): InvalidInputError naming
// the field and the value; never a silent NaN.
import { describe, it } from 'vitest';
import { expectedShortfall, maxDrawdown, valueAtRisk } from '../../src/index.js';
import { expectInvalid } from '../helpers/invalid.js';

const returns = [0.01, -0.02, 0.03];

describe.each([
  ['valueAtRisk', valueAtRisk],
  ['expectedShortfall', expectedShortfall],
] as const)('%s rejects', (_, fn) => {
  it('empty returns', () => expectInvalid(() => fn({ returns: [], confidence: 0.95, method: 'historical' }), 'returns', []));
  it('confidence outside (0, 1), including percent by mistake', () => {
    for (const c of [0, 1, -0.5, 95, NaN]) expectInvalid(() => fn({ returns, confidence: c, method: 'historical' }), 'confidence', c);
  });
  it('a non-finite return, naming its index', () => {
    expectInvalid(() => fn({ returns: [0.01, NaN], confidence: 0.9, method: 'gaussian' }), 'returns[1]', NaN);
    expectInvalid(() => fn({ returns: [0.01, Infinity], confidence: 0.9, method: 'historical' }), 'returns[1]', Infinity);
  });
  it('an unknown method; one return for gaussian', () => {
    expectInvalid(() => fn({ returns, confidence: 0.9, method: 'montecarlo' } as never), 'method', 'montecarlo');
    expectInvalid(() => fn({ returns: [0.01], confidence: 0.9, method: 'gaussian' }), 'returns.length', 1);
  });
  it('bad weights: negative, mismatched, all zero, with the gaussian method', () => {
    expectInvalid(() => fn({ returns, confidence: 0.9, method: 'historical', weights: [1, -1, 1] }), 'weights[1]', -1);
    expectInvalid(() => fn({ returns, confidence: 0.9, method: 'historical', weights: [1, 1] }), 'weights.length', 2);
    expectInvalid(() => fn({ returns, confidence: 0.9, method: 'historical', weights: [0, 0, 0] }), 'weights', [0, 0, 0]);
    expectInvalid(() => fn({ returns, confidence: 0.9, method: 'gaussian', weights: [1, 1, 1] }), 'weights', [1, 1, 1]);
  });
});

describe('maxDrawdown rejects', () => {
  it('empty returns, a return below −1, a non-finite return', () => {
    expectInvalid(() => maxDrawdown([]), 'returns', []);
    expectInvalid(() => maxDrawdown([0.1, -1.5]), 'returns[1]', -1.5);
    expectInvalid(() => maxDrawdown([NaN]), 'returns[0]', NaN);
    expectInvalid(() => maxDrawdown('0.1' as never), 'returns', '0.1');
  });
});
