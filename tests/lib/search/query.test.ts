import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../../src/lib/search/query';

describe('parseQuery', () => {
  it('reads words, the last one as a prefix while it is being typed', () => {
    expect(parseQuery('Multilingual mod').words).toEqual([
      { term: 'multilingual', prefix: false },
      { term: 'mod', prefix: true },
    ]);
    expect(parseQuery('multilingual mod ').words.at(-1)).toEqual({ term: 'mod', prefix: false });
  });

  it('reads quoted phrases, an unclosed quote running to the end', () => {
    const parsed = parseQuery('bert "low-resource  languages" "catastrophic forg');
    expect(parsed.words).toEqual([{ term: 'bert', prefix: false }]);
    expect(parsed.phrases).toEqual([
      { terms: ['low', 'resource', 'languages'], text: 'low-resource languages' },
      { terms: ['catastrophic', 'forg'], text: 'catastrophic forg' },
    ]);
  });

  it('drops stopwords unless nothing else is left, and repeats', () => {
    expect(parseQuery('the scaling of the laws scaling').words.map((word) => word.term)).toEqual([
      'scaling',
      'laws',
    ]);
    expect(parseQuery('the of').words.map((word) => word.term)).toEqual(['the', 'of']);
    expect(parseQuery('  " " ').empty).toBe(true);
  });
});
