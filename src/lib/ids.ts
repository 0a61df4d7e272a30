/**
 * Permalink ids. An id is the title's slug plus a short hash of the title's match key, so it
 * depends on that paper's title alone: never on which other papers exist, on the order files
 * are read in, or on days added later. Two papers whose titles slug alike still differ in the hash.
 */
import { hash as digest } from 'node:crypto';
import slugify from '@sindresorhus/slugify';

/** Longest slug part of an id, cut at a word boundary, so URLs stay readable. */
const MAX_SLUG_LENGTH = 72;
/** Hex digits of the key's sha256 that end an id. */
const HASH_LENGTH = 8;
const SPACE = 32;
const HYPHEN = 45;

// Ids are written into this buffer and read out as one flat string: a string glued together
// with `+` is a rope that every Set or Map lookup must first copy flat, which costs more than
// building the id. It grows to hold the UTF-8 of any key (3 bytes per UTF-16 unit at most).
let scratch = Buffer.allocUnsafe(1024);

/** The hex sha256 of a title's match key: the end of its id, and a hash for tables of keys. */
export function keyDigest(key: string): string {
  return digest('sha256', key);
}

/**
 * The permanent id of the paper whose title has match key `key` (see `titleKey`); `hash` is the
 * key's {@link keyDigest}, when the caller has it already.
 */
export function paperId(key: string, hash = keyDigest(key)): string {
  // Keys are most often lowercase words: the slug is then the key with hyphens for spaces, cut
  // where the key has a space. The key is copied here and read as bytes, a quicker loop than one
  // over its characters; its part a slug may keep is rewritten in place.
  if (3 * key.length > scratch.length - 1 - HASH_LENGTH)
    scratch = Buffer.allocUnsafe(3 * key.length + 1 + HASH_LENGTH);
  // More bytes than characters: the key is not ASCII.
  if (scratch.write(key) !== key.length) return slugged(key, hash);
  for (let i = 0; i < key.length; i++) {
    const code = scratch[i]!;
    if (code === SPACE) scratch[i] = HYPHEN;
    else if (!((code >= 97 && code <= 122) || (code >= 48 && code <= 57))) return slugged(key, hash);
  }
  let length = key.length;
  if (length > MAX_SLUG_LENGTH) {
    const space = key.lastIndexOf(' ', MAX_SLUG_LENGTH);
    length = space > 20 ? space : MAX_SLUG_LENGTH;
    while (length > 0 && scratch[length - 1] === HYPHEN) length--;
  }
  if (length === 0) return `paper-${hash.slice(0, HASH_LENGTH)}`;
  scratch[length] = HYPHEN;
  for (let i = 0; i < HASH_LENGTH; i++) scratch[length + 1 + i] = hash.charCodeAt(i);
  return scratch.toString('latin1', 0, length + 1 + HASH_LENGTH);
}

/** The id of a key with characters other than `a-z`, `0-9` and space: slugify transliterates them. */
function slugged(key: string, hash: string): string {
  return withHash(cutSlug(slugify(key)), hash);
}

/** A slug longer than the limit, cut at its last hyphen within it (or at the limit). */
function cutSlug(slug: string): string {
  if (slug.length <= MAX_SLUG_LENGTH) return slug;
  const cut = slug.lastIndexOf('-', MAX_SLUG_LENGTH);
  return slug.slice(0, cut > 20 ? cut : MAX_SLUG_LENGTH).replace(/-+$/, '');
}

function withHash(slug: string, hash: string): string {
  const short = hash.slice(0, HASH_LENGTH);
  return slug === '' ? `paper-${short}` : `${slug}-${short}`;
}

/** Value of each hex digit, by character code. */
const HEX_VALUES = new Uint8Array(128);
for (let digit = 0; digit < 16; digit++) HEX_VALUES['0123456789abcdef'.charCodeAt(digit)] = digit;

/** The 32 bits written by the 8 hex digits of `hex` from `start`. */
function hexBits(hex: string, start: number): number {
  let bits = 0;
  for (let i = start; i < start + HASH_LENGTH; i++) bits = (bits << 4) | HEX_VALUES[hex.charCodeAt(i) & 127]!;
  return bits >>> 0;
}

/** A 32-bit hash of a title key, from its {@link keyDigest}: the same bits its id ends with. */
export function digestHash(hash: string): number {
  return hexBits(hash, 0);
}

/** A 32-bit hash of an id: the bits its final hex digits write (every id ends with 8 of them). */
export function idHash(id: string): number {
  return hexBits(id, id.length - HASH_LENGTH);
}
