import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  collapseSpaces,
  lineNormalizer,
  normalizeLine,
  splitLines,
  titleKey,
} from '../../../src/lib/text/normalize';

// Characters that exercise every branch: ASCII words and punctuation, the control characters
// normalization treats specially, Unicode spaces, invisible characters and decomposed accents.
const tricky = fc.constantFrom(
  'a',
  'Z',
  '7',
  ' ',
  '  ',
  '-',
  ':',
  '.',
  '\t',
  '\v',
  '\f',
  '\r',
  '\n',
  '\r\n',
  '\u0001',
  '\u001f',
  '\u007f',
  '\u00a0',
  '\u2009',
  '\u3000',
  '\u200b',
  '\u00ad',
  '\ufeff',
  'e\u0301',
  '\u00e9',
  '\ufb01',
  '\u00df',
  '\u0130',
  '多',
);
const trickyText = fc.string({ unit: tricky, maxLength: 60 });
const asciiText = fc.string({
  unit: fc.constantFrom('a', 'B', '9', ' ', ' ', '  ', '.', '\n', '\u0001', '~'),
  maxLength: 60,
});

/** The rule titleKey states, applied the long way (the reference for its ASCII shortcut). */
function unicodeKey(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

describe('lineNormalizer', () => {
  it('gives normalizeLine’s result for every line of any text', () => {
    fc.assert(
      fc.property(fc.oneof(trickyText, asciiText), (text) => {
        const normalize = lineNormalizer(text);
        for (const line of splitLines(text)) expect(normalize(line)).toBe(normalizeLine(line));
      }),
      { numRuns: 3000 },
    );
  });

  it('collapses and trims spaces in plain ASCII text without a pattern test per line', () => {
    const normalize = lineNormalizer('  Two  spaces \nplain line\n');
    expect(normalize).toBe(collapseSpaces);
    expect(normalize('  Two  spaces ')).toBe('Two spaces');
    expect(normalize('plain line')).toBe('plain line');
  });

  it('uses the full rule when the text has tabs or non-ASCII characters, or decoding says so', () => {
    expect(lineNormalizer('a\tb')).toBe(normalizeLine);
    expect(lineNormalizer('caf\u00e9')).toBe(normalizeLine);
    expect(lineNormalizer('Café\u0301')).toBe(normalizeLine);
    expect(lineNormalizer('x', false)).toBe(normalizeLine);
  });

  it("gives normalizeLine's result for every line of text decoding found plain Latin-1", () => {
    const chars = fc.constantFrom('a', 'Z', ' ', ' ', '·', 'é', 'ÿ', '\u0085', '\u001f', '\u007f', '[', '\\');
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 30 }), (parts) => {
        const line = parts.join('');
        expect(lineNormalizer(line, true)(line)).toBe(normalizeLine(line));
      }),
    );
  });
});

describe('titleKey', () => {
  it('is the Unicode rule for any title, ASCII or not', () => {
    fc.assert(
      fc.property(fc.oneof(trickyText, asciiText, fc.string({ maxLength: 40 })), (title) => {
        expect(titleKey(title)).toBe(unicodeKey(title));
      }),
      { numRuns: 5000 },
    );
  });

  it('is the Unicode rule for titles about as long as the one-pass reading takes', () => {
    for (const length of [1022, 1023, 1024, 1025]) {
      for (const end of ['', 'é', '😀', 'Ab']) {
        const title = `${'Word, '.repeat(200).slice(0, length - end.length)}${end}`;
        expect(titleKey(title)).toBe(unicodeKey(title));
      }
    }
  });

  it('matches titles across case, punctuation and accents', () => {
    expect(titleKey('Café: A-B')).toBe('cafe a b');
    expect(titleKey('  Qwen2.5 -- Technical   Report!  ')).toBe('qwen2 5 technical report');
    expect(titleKey('x'.repeat(2000))).toBe('x'.repeat(2000));
  });
});
