import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeList,
  encodeList,
  pairKey,
  postingsFile,
  shardOf,
  unionSize,
} from '../../../src/lib/search/index-format';

describe('index encodings', () => {
  it('counts the union of two ascending lists', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat(500)), fc.uniqueArray(fc.nat(500)), (a, b) => {
        const ascending = (list: number[]) => [...list].sort((x, y) => x - y);
        expect(unionSize(ascending(a), ascending(b))).toBe(new Set([...a, ...b]).size);
      }),
    );
    expect(unionSize([1, 3, 5], [3, 4])).toBe(4);
  });

  it('round-trips ascending lists through gap encoding', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat(100_000)), (numbers) => {
        const sorted = [...numbers].sort((a, b) => a - b);
        expect(Array.from(decodeList(encodeList(sorted)))).toEqual(sorted);
      }),
    );
    expect(encodeList([3, 5, 9])).toBe('3,2,4');
  });

  it('round-trips dense lists through a bitmap, shorter than their gaps', () => {
    fc.assert(
      fc.property(fc.nat(5000), fc.uniqueArray(fc.nat(3000), { minLength: 200 }), (offset, numbers) => {
        const sorted = numbers.map((n) => n + offset).sort((a, b) => a - b);
        expect(Array.from(decodeList(encodeList(sorted)))).toEqual(sorted);
      }),
    );
    const dense = Array.from({ length: 600 }, (_, i) => 1000 + i * 2);
    expect(encodeList(dense).startsWith('~1000~')).toBe(true);
    expect(encodeList(dense).length).toBeLessThan(dense.length / 2);
    expect(Array.from(decodeList(encodeList(dense)))).toEqual(dense);
  });

  it('finds the shard whose range holds a word', () => {
    const boundaries = ['', 'data', 'model', 'token'];
    expect(['abc', 'data', 'dataset', 'model', 'zebra'].map((term) => shardOf(boundaries, term))).toEqual([
      0, 1, 1, 2, 3,
    ]);
  });

  it('numbers pair shards after the word shards, so a word and its plural stay together', () => {
    const meta = { postingShards: ['', 'low', 'lp'], pairShards: ['', 'low resource'] };
    expect(['low', 'lower', 'lows', 'zebra'].map((key) => postingsFile(meta, key))).toEqual([1, 1, 1, 2]);
    expect(postingsFile(meta, pairKey('low', 'rank'))).toBe(3);
    expect(postingsFile(meta, pairKey('low', 'resource'))).toBe(4);
    expect(postingsFile({ postingShards: [''], pairShards: [] }, pairKey('low', 'resource'))).toBe(-1);
    expect(postingsFile({ postingShards: [], pairShards: [] }, 'low')).toBe(-1);
  });
});
