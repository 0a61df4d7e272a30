/**
 * Permalink ids. An id is the title's slug plus a short hash of the title's match key, so it
 * depends on that paper's title alone: never on which other papers exist, on the order files
 * are read in, or on days added later. Two papers whose titles slug alike still differ in the hash.
 */
import { hash as digest } from 'node:crypto';
import slugify from '@sindresorhus/slugify';

/** Longest slug part of an id, cut at a word boundary, so URLs stay readable. */
const MAX_SLUG_LENGTH = 72;

/** The permanent id of the paper whose title has match key `key` (see `titleKey`). */
export function paperId(key: string): string {
  const hash = digest('sha256', key).slice(0, 8);
  // Keys are already lowercase words; only non-ASCII ones need slugify's transliteration.
  let slug = /^[a-z0-9 ]*$/.test(key) ? key.replace(/ /g, '-') : slugify(key);
  if (slug.length > MAX_SLUG_LENGTH) {
    const cut = slug.lastIndexOf('-', MAX_SLUG_LENGTH);
    slug = slug.slice(0, cut > 20 ? cut : MAX_SLUG_LENGTH).replace(/-+$/, '');
  }
  return slug === '' ? `paper-${hash}` : `${slug}-${hash}`;
}
