/**
 * A map from strings whose callers already hold a good 32-bit hash of each key: merging has the
 * start of every title key's sha256 (its id needs it anyway), and every id ends with it. Slots
 * are typed arrays probed in a row, and a key string is compared only when its hash matches, so
 * most lookups touch one compact table. A `Map` of 40,000 new strings read each key again to
 * check its hash, scattered over a heap of hundreds of megabytes: most of the cost of a lookup.
 */
export class HashedMap<V> {
  private mask: number;
  /** Per slot: the entry's index plus one, 0 when the slot is free. */
  private slots: Int32Array;
  /** Per slot: the hash of its entry's key. */
  private hashes: Uint32Array;
  /** Per entry: its key, or undefined once deleted (its slot stays taken, matching nothing). */
  private readonly keys: (string | undefined)[];
  private readonly values: V[];
  private entries = 0;

  /** `expected`: how many keys it will hold, so the table does not have to grow. */
  constructor(expected = 8) {
    let capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    this.mask = capacity - 1;
    this.slots = new Int32Array(capacity);
    this.hashes = new Uint32Array(capacity);
    // Made at full size: an array pushed to 40,000 entries is copied whole at each step it grows.
    this.keys = new Array<string | undefined>(expected);
    this.values = new Array<V>(expected);
  }

  /** The value of `key`, whose hash is `hash` (an integer of 32 bits). */
  get(key: string, hash: number): V | undefined {
    const { slots, hashes, keys, mask } = this;
    for (let slot = hash & mask; slots[slot] !== 0; slot = (slot + 1) & mask) {
      const entry = slots[slot]! - 1;
      if (hashes[slot] === hash >>> 0 && keys[entry] === key) return this.values[entry];
    }
    return undefined;
  }

  /** Sets `key` to `value`, or adds it; whether it was new. */
  set(key: string, hash: number, value: V): boolean {
    const { slots, hashes, keys, mask } = this;
    let slot = hash & mask;
    for (; slots[slot] !== 0; slot = (slot + 1) & mask) {
      const entry = slots[slot]! - 1;
      if (hashes[slot] === hash >>> 0 && keys[entry] === key) {
        this.values[entry] = value;
        return false;
      }
    }
    keys[this.entries] = key;
    this.values[this.entries] = value;
    slots[slot] = ++this.entries;
    hashes[slot] = hash;
    if (this.entries * 2 > mask) this.grow();
    return true;
  }

  /** Removes `key`, if present. */
  delete(key: string, hash: number): void {
    const { slots, hashes, keys, mask } = this;
    for (let slot = hash & mask; slots[slot] !== 0; slot = (slot + 1) & mask) {
      const entry = slots[slot]! - 1;
      if (hashes[slot] === hash >>> 0 && keys[entry] === key) {
        keys[entry] = undefined;
        return;
      }
    }
  }

  /** Doubles the table, placing every entry again (deleted ones too: they still take a slot). */
  private grow(): void {
    const capacity = (this.mask + 1) * 2;
    const { slots: oldSlots, hashes: oldHashes } = this;
    this.mask = capacity - 1;
    this.slots = new Int32Array(capacity);
    this.hashes = new Uint32Array(capacity);
    for (let old = 0; old < oldSlots.length; old++) {
      if (oldSlots[old] === 0) continue;
      const hash = oldHashes[old]!;
      let slot = hash & this.mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
      this.slots[slot] = oldSlots[old]!;
      this.hashes[slot] = hash;
    }
  }
}
