import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HashedMap } from '../../src/lib/hashed-map';

// Keys of every kind, with hashes from a few values up to all 32 bits: many keys share one, which
// makes lookups probe past other keys, and the table starts small, so it grows with deleted keys in it.
const key = fc.oneof(
  fc.string({ maxLength: 3 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.constantFrom('', 'a', 'attention is all you need', 'attention-is-all-you-need-1a2b3c4d'),
);
const hashers: ((key: string) => number)[] = [
  () => 0,
  (k) => k.length & 3,
  (k) => (k.charCodeAt(0) || 0) * 2654435761,
  (k) => [...k].reduce((h, c) => Math.imul(h ^ c.codePointAt(0)!, 16777619), 2166136261) >>> 0,
];

describe('HashedMap', () => {
  it('gets, sets and deletes as a Map does, telling whether a key was new', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...hashers),
        fc.array(fc.tuple(fc.constantFrom('set', 'delete'), key, fc.integer())),
        fc.array(key),
        (hashOf, operations, lookups) => {
          const hashed = new HashedMap<number>(2);
          const plain = new Map<string, number>();
          for (const [operation, k, value] of operations) {
            if (operation === 'set') {
              expect(hashed.set(k, hashOf(k), value)).toBe(!plain.has(k));
              plain.set(k, value);
            } else {
              hashed.delete(k, hashOf(k));
              plain.delete(k);
            }
          }
          for (const k of [...operations.map(([, k]) => k), ...lookups]) {
            expect(hashed.get(k, hashOf(k))).toBe(plain.get(k));
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('tells 40,000 keys apart, whatever their hashes share', () => {
    const map = new HashedMap<number>(40_000);
    const keys = Array.from({ length: 40_000 }, (_, i) => `paper-${i.toString(36)}`);
    // A hash that 16 keys share: every lookup passes others with the same hash.
    expect(keys.every((k, i) => map.set(k, i >> 4, i))).toBe(true);
    expect(keys.every((k, i) => map.get(k, i >> 4) === i)).toBe(true);
    expect(map.get('paper-none', 0)).toBeUndefined();
  });

  it('starts empty when made from the memory of a released map, and the released map stays usable', () => {
    const keys = Array.from({ length: 5_000 }, (_, i) => `key-${i}`);
    const first = new HashedMap<number>(keys.length);
    keys.forEach((k, i) => first.set(k, i, i));
    first.release();
    expect(first.get('key-1', 1)).toBeUndefined();
    expect(first.set('key-1', 1, 7)).toBe(true);
    expect(first.get('key-1', 1)).toBe(7);

    // Same size: the released table, entries and slots, is what this one is made of.
    const second = new HashedMap<number>(keys.length);
    expect(keys.every((k, i) => second.get(k, i) === undefined)).toBe(true);
    expect(keys.slice(0, 100).every((k, i) => second.set(k, i, -i))).toBe(true);
    expect(second.get('key-99', 99)).toBe(-99);
    expect(second.get('key-100', 100)).toBeUndefined();
  });
});
