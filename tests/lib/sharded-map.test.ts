import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ShardedMap, ShardedSet } from '../../src/lib/sharded-map';

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

describe('ShardedSet', () => {
  it('adds and deletes as a Set does, telling whether a key was new', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), key)), (operations) => {
        const sharded = new ShardedSet();
        const plain = new Set<string>();
        for (const [add, k] of operations) {
          if (add) {
            expect(sharded.add(k)).toBe(!plain.has(k));
            plain.add(k);
          } else {
            sharded.delete(k);
            plain.delete(k);
          }
        }
        for (const [, k] of operations) {
          expect(sharded.add(k)).toBe(!plain.has(k));
          plain.add(k);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('holds 40,000 distinct ids as distinct', () => {
    const set = new ShardedSet();
    const ids = Array.from({ length: 40_000 }, (_, i) => `paper-${i.toString(36)}-${(i * 2654435761) >>> 0}`);
    expect(ids.every((id) => set.add(id))).toBe(true);
    expect(ids.some((id) => set.add(id))).toBe(false);
  });
});
