import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ShardedMap } from '../../src/lib/sharded-map';

// Keys of every kind: empty, one character, title keys, ids, arXiv ids, astral and lone surrogates.
const key = fc.oneof(
  fc.string({ maxLength: 3 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom('', 'a', 'attention is all you need', 'attention-is-all-you-need-1a2b3c4d', '2505.00001'),
);

describe('ShardedMap', () => {
  it('gets what a Map gets after the same sets', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(key, fc.integer())), fc.array(key), (sets, lookups) => {
        const sharded = new ShardedMap<number>();
        const plain = new Map<string, number>();
        for (const [k, v] of sets) {
          sharded.set(k, v);
          plain.set(k, v);
        }
        for (const k of [...sets.map(([k]) => k), ...lookups]) expect(sharded.get(k)).toBe(plain.get(k));
      }),
      { numRuns: 500 },
    );
  });
});
