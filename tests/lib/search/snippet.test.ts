import { describe, expect, it } from 'vitest';
import { highlight, snippet } from '../../../src/lib/search/snippet';

const TEXT =
  'Large multilingual models have advanced NLP. However, their high resource demands raise concerns. ' +
  'This study benchmarks cross-lingual transfer, focusing on Kinyarwanda and Kirundi, two Bantu languages. ' +
  'We evaluate transformer architectures against neural baselines and analyse forgetting after fine-tuning.';

describe('snippets', () => {
  it('flags matched words and keeps the text as it was', () => {
    const segments = highlight('<b>Kirundi</b> & Kinyarwanda', new Set(['kirundi']));
    expect(segments).toEqual([
      { text: '<b>', hit: false },
      { text: 'Kirundi', hit: true },
      { text: '</b> & Kinyarwanda', hit: false },
    ]);
  });

  it('shows the stretch holding the matched words, with ellipses where text was cut', () => {
    const segments = snippet(TEXT, new Set(['kirundi', 'bantu']), 12);
    const text = segments.map((segment) => segment.text).join('');
    expect(text.startsWith('… ')).toBe(true);
    expect(text.endsWith(' …')).toBe(true);
    expect(segments.filter((segment) => segment.hit).map((segment) => segment.text)).toEqual([
      'Kirundi',
      'Bantu',
    ]);
    expect(TEXT).toContain(text.slice(2, -2));
  });

  it('returns short texts whole', () => {
    expect(snippet('Kirundi only.', new Set(['kirundi']))).toEqual([
      { text: 'Kirundi', hit: true },
      { text: ' only.', hit: false },
    ]);
  });
});
