import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cutText, holdsInARow, matchingSentences } from '../../../src/lib/search/cut-text';
import { tokenizeText } from '../../../src/lib/search/tokenize';

const TEXT =
  'Large multilingual models have advanced NLP. However, their demands raise concerns!  ' +
  'This study benchmarks Kirundi and Kinyarwanda? We evaluate transformers.';

describe('cut text', () => {
  it('finds sentences at . ! ? followed by spaces', () => {
    const cut = cutText(TEXT);
    expect(cut.sentences.map(([start, end]) => TEXT.slice(start, end))).toEqual([
      'Large multilingual models have advanced NLP.',
      'However, their demands raise concerns!',
      'This study benchmarks Kirundi and Kinyarwanda?',
      'We evaluate transformers.',
    ]);
    expect(cut.tokens.map((token) => token.term)).toEqual(tokenizeText(TEXT));
  });

  it('keeps the sentences holding a word, else the first', () => {
    const cut = cutText(TEXT);
    expect(matchingSentences(cut, new Set(['kirundi', 'large']))).toBe(
      'Large multilingual models have advanced NLP. This study benchmarks Kirundi and Kinyarwanda?',
    );
    expect(matchingSentences(cut, new Set(['absent']))).toBe('Large multilingual models have advanced NLP.');
  });

  it('keeps the sentences that splitting the text and cutting each into words keeps', () => {
    const split = (text: string, terms: ReadonlySet<string>) => {
      const sentences = text.split(/(?<=[.!?])\s+/);
      const kept = sentences.filter((sentence) => tokenizeText(sentence).some((term) => terms.has(term)));
      return (kept.length > 0 ? kept : sentences.slice(0, 1)).join(' ');
    };
    const word = fc.constantFrom('alpha', 'Beta', 'gamma', 'délta', '1', '½');
    const gap = fc.constantFrom(' ', '. ', '! ', '?  ', ', ', '.\n', '.', '-');
    const text = fc.array(fc.tuple(word, gap), { maxLength: 20 }).map((parts) => parts.flat().join(''));
    fc.assert(
      fc.property(
        text,
        fc.uniqueArray(fc.constantFrom('alpha', 'beta', 'delta', '1', '2')),
        (sample, terms) => {
          const set = new Set(terms);
          expect(matchingSentences(cutText(sample), set)).toBe(split(sample, set));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('finds words in a row', () => {
    const cut = cutText(TEXT);
    expect(holdsInARow(cut, ['kirundi', 'and', 'kinyarwanda'])).toBe(true);
    expect(holdsInARow(cut, ['nlp', 'however'])).toBe(true);
    expect(holdsInARow(cut, ['kirundi', 'kinyarwanda'])).toBe(false);
    expect(holdsInARow(cut, ['transformers', 'large'])).toBe(false);
  });
});
