/**
 * A map from strings whose callers already hold a good 32-bit hash of each key: merging has the
 * start of every title key's sha256 (its id needs it anyway), and every id ends with it. Slots
 * are a typed array probed in a row, each slot's entry beside its hash, and a key string is
 * compared only when its hash matches, so most lookups touch one line of one compact table. A
 * `Map` of 40,000 new strings read each key again to check its hash, scattered over a heap of
 * hundreds of megabytes: most of the cost of a lookup.
 */
export class HashedMap<V> {
  private mask: number;
  /** Two integers per slot: its entry's index plus one (0 when the slot is free), and its key's hash. */
  private table: Int32Array;
  /** Per entry: its key, or undefined once deleted (its slot stays taken, matching nothing). */
  private keys: (string | undefined)[];
  private values: V[];
  private entries = 0;

  /** `expected`: how many keys it will hold, so the table does not have to grow. */
  constructor(expected = 8) {
    let capacity = 16;
    while (capacity * 2 < expected * 3) capacity *= 2;
    this.mask = capacity - 1;
    const spare = takeSpare(capacity * 2, expected);
    this.table = spare?.table ?? new Int32Array(capacity * 2);
    // Made at full size: an array pushed to 40,000 entries is copied whole at each step it grows.
    this.keys = spare?.keys ?? new Array<string | undefined>(expected);
    this.values = (spare?.values as V[] | undefined) ?? new Array<V>(expected);
  }

  /** The value of `key`, whose hash is `hash` (an integer of 32 bits). */
  get(key: string, hash: number): V | undefined {
    const { table, keys, mask } = this;
    for (let slot = hash & mask; table[slot * 2] !== 0; slot = (slot + 1) & mask) {
      const entry = table[slot * 2]! - 1;
      if (table[slot * 2 + 1] === (hash | 0) && keys[entry] === key) return this.values[entry];
    }
    return undefined;
  }

  /** Sets `key` to `value`, or adds it; whether it was new. */
  set(key: string, hash: number, value: V): boolean {
    const { table, keys, mask } = this;
    let slot = hash & mask;
    for (; table[slot * 2] !== 0; slot = (slot + 1) & mask) {
      const entry = table[slot * 2]! - 1;
      if (table[slot * 2 + 1] === (hash | 0) && keys[entry] === key) {
        this.values[entry] = value;
        return false;
      }
    }
    keys[this.entries] = key;
    this.values[this.entries] = value;
    table[slot * 2] = ++this.entries;
    table[slot * 2 + 1] = hash;
    if (this.entries * 3 > mask * 2) this.grow();
    return true;
  }

  /** Removes `key`, if present. */
  delete(key: string, hash: number): void {
    const { table, keys, mask } = this;
    for (let slot = hash & mask; table[slot * 2] !== 0; slot = (slot + 1) & mask) {
      const entry = table[slot * 2]! - 1;
      if (table[slot * 2 + 1] === (hash | 0) && keys[entry] === key) {
        keys[entry] = undefined;
        return;
      }
    }
  }

  /**
   * Empties the map and gives its memory to the next map of its size. Fresh memory costs a page
   * fault per 4 KB on these machines, and merging 40,000 papers makes two maps of 850 KB each.
   */
  release(): void {
    const { table, keys, values, entries } = this;
    keys.fill(undefined, 0, entries);
    values.fill(undefined as V, 0, entries);
    table.fill(0);
    const spares = spareStorage.get(table.length) ?? [];
    if (spares.length < MAX_SPARES) spares.push({ table, keys, values });
    spareStorage.set(table.length, spares);
    this.mask = 15;
    this.table = new Int32Array(32);
    this.keys = [];
    this.values = [];
    this.entries = 0;
  }

  /** Doubles the table, placing every entry again (deleted ones too: they still take a slot). */
  private grow(): void {
    const capacity = (this.mask + 1) * 2;
    const { table: old } = this;
    this.mask = capacity - 1;
    this.table = new Int32Array(capacity * 2);
    for (let at = 0; at < old.length; at += 2) {
      if (old[at] === 0) continue;
      const hash = old[at + 1]!;
      let slot = hash & this.mask;
      while (this.table[slot * 2] !== 0) slot = (slot + 1) & this.mask;
      this.table[slot * 2] = old[at]!;
      this.table[slot * 2 + 1] = hash;
    }
  }
}

/** A released map's memory: an emptied table and entry arrays. */
interface Storage {
  table: Int32Array;
  keys: (string | undefined)[];
  values: unknown[];
}

/** Spare storage kept for each table length: merging holds two maps at once. */
const MAX_SPARES = 2;
const spareStorage = new Map<number, Storage[]>();

/** Storage released with a table of `length`, whose entry arrays hold `expected` entries; if any. */
function takeSpare(length: number, expected: number): Storage | undefined {
  const spares = spareStorage.get(length);
  const at = spares?.findIndex((spare) => spare.keys.length >= expected) ?? -1;
  return at === -1 ? undefined : spares!.splice(at, 1)[0];
}
