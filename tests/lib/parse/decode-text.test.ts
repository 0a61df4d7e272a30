import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeUtf8 } from '../../../src/lib/parse/decode-text';

/** Whether normalizing a line of `text` can only collapse and trim spaces. */
function isPlainLatin1(text: string): boolean {
  return [...text].every((ch) => ch.codePointAt(0)! <= 0xff && !'\t\v\f\u00a0\u00ad'.includes(ch));
}

describe('decodeUtf8', () => {
  it('decodes ASCII, Latin-1 and other text as Buffer#toString does', () => {
    for (const text of [
      '',
      'May 30',
      'Oct 7 · 12 authors',
      'Café résumé ÿ',
      'a\u00a0b',
      'soft\u00adhyphen',
      '日本語 · é',
      '😀',
    ]) {
      const decoded = decodeUtf8(Buffer.from(text, 'utf8'));
      expect(decoded.text).toBe(text);
      expect(decoded.plainLatin1).toBe(isPlainLatin1(text));
    }
  });

  it('says a text is plain Latin-1 only when it is, and otherwise keeps the text exact', () => {
    const chars = fc.constantFrom(
      'a',
      ' ',
      '\n',
      '\t',
      '\v',
      '\f',
      '·',
      'é',
      'ÿ',
      '\u0080',
      '\u00a0',
      '\u00ad',
      'Ā',
      '—',
      '😀',
    );
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 60 }), fc.integer({ min: 0, max: 7 }), (parts, offset) => {
        const text = parts.join('');
        // At every alignment of the bytes in their buffer: words are read four bytes at a time.
        const host = Buffer.alloc(offset + Buffer.byteLength(text) + 3);
        const length = host.write(text, offset);
        const decoded = decodeUtf8(host.subarray(offset, offset + length));
        expect(decoded.text).toBe(text);
        if (decoded.plainLatin1) expect(isPlainLatin1(text)).toBe(true);
        if (/^[\x00-\xff]*$/.test(text)) expect(decoded.plainLatin1).toBe(isPlainLatin1(text));
      }),
    );
  });

  it('replaces invalid sequences with U+FFFD exactly as Buffer#toString does', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (array) => {
        const bytes = Buffer.from(array);
        expect(decodeUtf8(bytes).text).toBe(bytes.toString('utf8'));
      }),
    );
  });
});
