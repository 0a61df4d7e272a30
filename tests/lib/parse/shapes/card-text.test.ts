import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cardTextNormalizer } from '../../../../src/lib/parse/shapes/card-text';
import { normalizeLine } from '../../../../src/lib/text/normalize';

describe('cardTextNormalizer', () => {
  it('gives normalizeLine for text that is not plain Latin-1', () => {
    expect(cardTextNormalizer('a\tb')).toBe(normalizeLine);
    expect(cardTextNormalizer('Café\u0301')).toBe(normalizeLine);
    expect(cardTextNormalizer('x', false)).toBe(normalizeLine);
  });

  it("gives normalizeLine's result for every line of plain Latin-1 text", () => {
    const chars = fc.constantFrom('a', 'Z', ' ', ' ', '·', 'é', 'ÿ', '\u0085', '\u001f', '\u007f', '[', '\\');
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 30 }), (parts) => {
        const line = parts.join('');
        expect(cardTextNormalizer(line, true)(line)).toBe(normalizeLine(line));
        if (/^[\x20-\x7e]*$/.test(line)) expect(cardTextNormalizer(line)(line)).toBe(normalizeLine(line));
      }),
    );
  });
});
