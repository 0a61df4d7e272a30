/**
 * Maps and sets of many strings, each split over 64 smaller ones. A single `Map` of the 40,000
 * title keys of a large archive outgrows 128 KB as it fills: V8 then allocates each larger table
 * in its large-object space, on freshly mapped memory whose first touch costs page faults, and a
 * growing map takes several such steps. Built this way, one such map cost about three times what
 * 64 maps of a 64th of the keys cost, whose tables stay on the heap's ordinary pages. Lookups are
 * the same `Map` lookups, after a shard is picked from two characters and the length.
 */

const SHARDS = 64;

/** The shard of `key`: cheap, and spread by the key's last character, a middle one and its length. */
function shardOf(key: string): number {
  return (key.charCodeAt(key.length - 1) * 31 + key.charCodeAt(key.length >> 1) + key.length) & (SHARDS - 1);
}

/** A `Map` from strings, for many keys. */
export class ShardedMap<V> {
  private readonly shards = Array.from({ length: SHARDS }, () => new Map<string, V>());

  get(key: string): V | undefined {
    return this.shards[shardOf(key)]!.get(key);
  }

  set(key: string, value: V): void {
    this.shards[shardOf(key)]!.set(key, value);
  }
}

/** A `Set` of strings, for many of them. */
export class ShardedSet {
  private readonly shards = Array.from({ length: SHARDS }, () => new Set<string>());

  /** Adds `key`; whether it was new (one hash where `has` then `add` would take two). */
  add(key: string): boolean {
    const shard = this.shards[shardOf(key)]!;
    return shard.size < shard.add(key).size;
  }

  delete(key: string): void {
    this.shards[shardOf(key)]!.delete(key);
  }
}
