import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeList, encodeList, pairKey, shardOf } from '../../../src/lib/search/index-format';

describe('index encodings', () => {
  it('round-trips ascending lists through gap encoding', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat(100_000)), (numbers) => {
        const sorted = [...numbers].sort((a, b) => a - b);
        expect(decodeList(encodeList(sorted))).toEqual(sorted);
      }),
    );
    expect(encodeList([3, 5, 9])).toBe('3,2,4');
  });

  it('finds the shard whose range holds a word', () => {
    const boundaries = ['', 'data', 'model', 'token'];
    expect(['abc', 'data', 'dataset', 'model', 'zebra'].map((term) => shardOf(boundaries, term))).toEqual([
      0, 1, 1, 2, 3,
    ]);
  });

  it('sorts a pair of words right after its first word, before longer words', () => {
    const keys = ['low', pairKey('low', 'resource'), 'lower'];
    expect([...keys].sort()).toEqual(keys);
    expect(shardOf(['', 'low', 'lp'], pairKey('low', 'resource'))).toBe(1);
  });
});
