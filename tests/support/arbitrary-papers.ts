/**
 * fast-check generators of papers as the Daily Papers page shows them: titles (some with a colon
 * subtitle) and abstracts of several sentences, with the characters scrapes trip on (accents,
 * `$math$`, URLs, `[RET]`, `a_b`, `x*y`). Shared by the property tests of every input shape.
 */
import fc from 'fast-check';

const word = fc.constantFrom(
  'scaling',
  'multilingual',
  'models',
  'reasoning',
  'vision',
  'agents',
  'low-resource',
  'transfer',
  'Kirundi',
  'LLMs',
  'RAG',
  '3D',
  'Café',
  'naïve',
  '[RET]',
  'a_b',
  'x*y',
);

/** A title: capitalized words, sometimes with a `Name: subtitle` colon; never ends in a period. */
export const paperTitle = fc
  .tuple(fc.array(word, { minLength: 2, maxLength: 14 }), fc.boolean())
  .map(([words, colon]) => {
    const text = words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join(' ');
    return colon ? text.replace(' ', ': ') : text;
  });

const sentence = fc
  .tuple(
    fc.array(word, { minLength: 4, maxLength: 20 }),
    fc.constantFrom('.', '.', ' $O(n^2)$.', ' (https://github.com/a/b).', ' -- 2x faster.'),
  )
  .map(([words, end]) => `${words[0]!.toUpperCase()}${words.join(' ').slice(1)}${end}`);

/** An abstract: two to six sentences in one paragraph. */
export const paperAbstract = fc.array(sentence, { minLength: 2, maxLength: 6 }).map((s) => s.join(' '));
