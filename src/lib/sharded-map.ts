/**
 * A map of many strings (the arXiv ids of a large archive) split over 64 smaller ones. A single
 * `Map` of 40,000 keys outgrows 128 KB as it fills: V8 then allocates each larger table in its
 * large-object space, on freshly mapped memory whose first touch costs page faults, and a growing
 * map takes several such steps. Built this way, one such map cost about three times what 64 maps
 * of a 64th of the keys cost, whose tables stay on the heap's ordinary pages. Lookups are the
 * same `Map` lookups, after a shard is picked from two characters and the length. (Title keys and
 * ids, whose hashes merging holds already, go in a `HashedMap`.)
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
