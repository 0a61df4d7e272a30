import slugify from '@sindresorhus/slugify';
import { hash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { digestHash, idHash, keyDigest, paperId } from '../../src/lib/ids';

/** The id rule written plainly: slug (cut at a hyphen within 72 characters) plus 8 hex of sha256. */
function referenceId(key: string): string {
  const digest = hash('sha256', key).slice(0, 8);
  let slug = /^[a-z0-9 ]*$/.test(key) ? key.replace(/ /g, '-') : slugify(key);
  if (slug.length > 72) {
    const cut = slug.lastIndexOf('-', 72);
    slug = slug.slice(0, cut > 20 ? cut : 72).replace(/-+$/, '');
  }
  return slug === '' ? `paper-${digest}` : `${slug}-${digest}`;
}

describe('paperId', () => {
  it('follows the id rule for keys of any length, ASCII or not', () => {
    const unit = fc.constantFrom('a', 'q', '7', ' ', ' ', '-', '\u00e9', '多', 'Z');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 120 }), (key) => {
        expect(paperId(key)).toBe(referenceId(key));
      }),
      { numRuns: 5000 },
    );
  });

  it('cuts long keys at a space and never leaves a hyphen before the hash', () => {
    const key = `${'word '.repeat(14)}   tail of a long title`;
    expect(paperId(key)).toBe(referenceId(key));
    expect(paperId(key)).not.toMatch(/--/);
    expect(paperId(' ')).toBe(referenceId(' '));
    for (const long of ['ab '.repeat(700), `${'ab '.repeat(700)}é`, 'x'.repeat(5000)]) {
      expect(paperId(long)).toBe(referenceId(long));
    }
    expect(paperId('')).toMatch(/^paper-[0-9a-f]{8}$/);
  });
});

describe('digestHash and idHash', () => {
  it('read the same 32 bits from a key digest and from the id that ends with it', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 90 }), (key) => {
        const digest = keyDigest(key);
        expect(digest).toBe(hash('sha256', key));
        const bits = Number.parseInt(digest.slice(0, 8), 16);
        expect(digestHash(digest)).toBe(bits);
        expect(idHash(paperId(key, digest))).toBe(bits);
      }),
      { numRuns: 500 },
    );
  });
});
