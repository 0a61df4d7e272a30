import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldWord, isIndexed, tokenizeText, tokenizeWithOffsets } from '../../../src/lib/search/tokenize';

describe('search tokenizer', () => {
  it('folds case and accents, keeps words as written (no stemming)', () => {
    expect(tokenizeText('Café NAÏVE Models, Cross-lingual (mBERT) 88.3%')).toEqual([
      'cafe',
      'naive',
      'models',
      'cross',
      'lingual',
      'mbert',
      '88',
      '3',
    ]);
    expect(foldWord('Ångström')).toBe('angstrom');
  });

  it('gives offsets into the original text', () => {
    const text = 'Über <b>BERT</b>-style';
    const tokens = tokenizeWithOffsets(text);
    expect(tokens.map((token) => text.slice(token.start, token.end))).toEqual([
      'Über',
      'b',
      'BERT',
      'b',
      'style',
    ]);
    expect(tokens.map((token) => token.term)).toEqual(['uber', 'b', 'bert', 'b', 'style']);
  });

  it('cuts the same words with and without offsets', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (text) => {
        const normalized = text.normalize('NFC');
        expect(tokenizeText(normalized)).toEqual(tokenizeWithOffsets(normalized).map((token) => token.term));
      }),
      { numRuns: 300 },
    );
  });

  it('cuts ASCII text as the Unicode-aware path does', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary-ascii', maxLength: 60 }), (text) => {
        // A trailing accented word sends the same text down the Unicode-aware path.
        const unicode = tokenizeWithOffsets(`${text} é`);
        expect(unicode.pop()).toEqual({ term: 'e', start: text.length + 1, end: text.length + 2 });
        expect(tokenizeWithOffsets(text)).toEqual(unicode);
      }),
      { numRuns: 300 },
    );
  });

  it('leaves stopwords and lone characters out of the index', () => {
    expect(['the', 'of', 'x', '7'].map(isIndexed)).toEqual([false, false, false, false]);
    expect(['kirundi', '3d', 'llm'].map(isIndexed)).toEqual([true, true, true]);
  });
});
