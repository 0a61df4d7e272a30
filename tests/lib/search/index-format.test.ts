import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeList, encodeList, shardOf, vocabKey } from '../../../src/lib/search/index-format';

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

  it('keys the vocabulary by the first two characters', () => {
    expect(vocabKey('multilingual')).toBe('mu');
    expect(vocabKey('3d')).toBe('3d');
    expect(vocabKey('𝐚𝐛𝐜')).toBe('𝐚𝐛');
  });
});
