import { describe, expect, it } from 'vitest';
import { parseInline } from '../../../../src/lib/parse/shapes/inline-markdown';

describe('parseInline', () => {
  it('reads an organisation link whose text starts with its logo', () => {
    expect(
      parseInline('[![Qwen](https://cdn-avatars.huggingface.co/v1/q.png)Qwen](https://huggingface.co/Qwen)'),
    ).toEqual([{ text: 'Qwen', url: 'https://huggingface.co/Qwen', image: true }]);
  });

  it('reads an author list link: avatars dropped, the runs between them kept', () => {
    expect(
      parseInline(
        '[- ![](https://huggingface.co/avatars/a.svg) - ![](https://huggingface.co/avatars/b.svg) - 12 authors](https://huggingface.co/papers/2201.00311)',
      ),
    ).toEqual([{ text: '-  -  - 12 authors', url: 'https://huggingface.co/papers/2201.00311', image: true }]);
  });

  it('reads a date followed by a comment-count link', () => {
    expect(parseInline('Dec 29, 2021[3](https://huggingface.co/papers/2112.00897#community)')).toEqual([
      'Dec 29, 2021',
      { text: '3', url: 'https://huggingface.co/papers/2112.00897#community', image: false },
    ]);
  });

  it('matches an escaped bracket in an image description as the bracket rules say', () => {
    expect(parseInline('[![a\\]b](x)Name](https://h.example/N)')).toEqual([
      { text: 'Name', url: 'https://h.example/N', image: true },
    ]);
  });

  it('keeps an escaped bracket before a link-like run as text', () => {
    expect(parseInline('Jan 2\\[3](https://x.example/y)')).toEqual(['Jan 2[3](https://x.example/y)']);
  });

  it('reads no link when a backslash escapes its closing parenthesis', () => {
    expect(parseInline('Jan 2[3](https://x.example/y\\)')).toEqual(['Jan 2[3](https://x.example/y)']);
  });

  it('reads text and images around a link that is not the whole line', () => {
    expect(parseInline('[![x](a.png) Org](https://huggingface.co/org) tail')).toEqual([
      { text: ' Org', url: 'https://huggingface.co/org', image: true },
      ' tail',
    ]);
  });
});
