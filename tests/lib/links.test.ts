import { describe, expect, it } from 'vitest';
import { classifyUrl, extractLinks, findUrls, trimUrl, unwrapLatexUrls } from '../../src/lib/links';

describe('trimUrl', () => {
  it.each([
    ['https://github.com/AlanAnsell/bistil.', 'https://github.com/AlanAnsell/bistil'],
    ['https://huggingface.co/spaces/cis-lmu/Mexa,', 'https://huggingface.co/spaces/cis-lmu/Mexa'],
    ['https://example.org/a).', 'https://example.org/a'],
    ['https://en.wikipedia.org/wiki/Foo_(bar)', 'https://en.wikipedia.org/wiki/Foo_(bar)'],
    ['https://example.org/x];', 'https://example.org/x'],
  ])('%s -> %s', (raw, url) => expect(trimUrl(raw)).toBe(url));
});

describe('findUrls', () => {
  it('finds URLs glued to words and inside parentheses', () => {
    expect(findUrls('see OIEhttps://github.com/a/b. and (https://x.org/y)').map((u) => u.url)).toEqual([
      'https://github.com/a/b',
      'https://x.org/y',
    ]);
  });
  it('gives spans that index the text', () => {
    const text = 'Code: https://github.com/a/b.';
    const [span] = findUrls(text);
    expect(text.slice(span!.start, span!.end)).toBe('https://github.com/a/b');
  });
  it('ignores schemes other than http(s) and hostless URLs', () => {
    expect(findUrls('javascript:alert(1) data:text/html,x https:// ftp://a.b/c')).toEqual([]);
  });
});

describe('unwrapLatexUrls', () => {
  it('unwraps \\url{} and keeps math', () => {
    expect(unwrapLatexUrls('at \\url{https://a.org/b}. $O(n^2)$')).toBe('at https://a.org/b. $O(n^2)$');
  });
});

describe('classifyUrl', () => {
  it.each([
    ['https://github.com/a/b', 'code'],
    ['https://gitlab.com/a/b', 'code'],
    ['https://huggingface.co/datasets/a/b', 'dataset'],
    ['https://huggingface.co/spaces/a/b', 'demo'],
    ['https://huggingface.co/meta-llama/Llama-2-7b', 'model'],
    ['https://huggingface.co/papers/2405.12345', 'paper'],
    ['https://www.youtube.com/watch?v=x', 'video'],
    ['https://youtu.be/x', 'video'],
    ['https://arxiv.org/abs/2405.12345', 'paper'],
    ['https://someone.github.io/project/', 'project'],
    ['https://example.org/', 'other'],
  ])('%s is %s', (url, kind) => expect(classifyUrl(url)).toBe(kind));
});

describe('extractLinks', () => {
  it('lists each URL once in order of first appearance', () => {
    expect(extractLinks('https://github.com/a/b, then https://x.org/ and https://github.com/a/b.')).toEqual([
      { url: 'https://github.com/a/b', kind: 'code' },
      { url: 'https://x.org/', kind: 'other' },
    ]);
  });
});
