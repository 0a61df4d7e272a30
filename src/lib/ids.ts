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
// building the id.
const scratch = Buffer.allocUnsafe(MAX_SLUG_LENGTH + 1 + HASH_LENGTH);

/** The permanent id of the paper whose title has match key `key` (see `titleKey`). */
export function paperId(key: string): string {
  const hash = digest('sha256', key);
  // Keys are already lowercase words; only non-ASCII ones need slugify's transliteration.
  if (!isLowercaseWords(key)) return withHash(cutSlug(slugify(key)), hash);
  // The slug is the key with hyphens for spaces, so it is cut where the key has a space.
  let length = key.length;
  if (length > MAX_SLUG_LENGTH) {
    const space = key.lastIndexOf(' ', MAX_SLUG_LENGTH);
    length = space > 20 ? space : MAX_SLUG_LENGTH;
    while (length > 0 && key.charCodeAt(length - 1) === SPACE) length--;
  }
  if (length === 0) return `paper-${hash.slice(0, HASH_LENGTH)}`;
  for (let i = 0; i < length; i++) {
    const code = key.charCodeAt(i);
    scratch[i] = code === SPACE ? HYPHEN : code;
  }
  scratch[length] = HYPHEN;
  for (let i = 0; i < HASH_LENGTH; i++) scratch[length + 1 + i] = hash.charCodeAt(i);
  return scratch.toString('latin1', 0, length + 1 + HASH_LENGTH);
}

/** Whether `key` holds only `a-z`, `0-9` and spaces (then the slug is the key, hyphenated). */
function isLowercaseWords(key: string): boolean {
  for (let i = 0; i < key.length; i++) {
    const code = key.charCodeAt(i);
    if (!((code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === SPACE)) return false;
  }
  return true;
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
