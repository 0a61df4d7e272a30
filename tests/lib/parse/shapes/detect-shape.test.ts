import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDayText } from '../../../../src/lib/parse/day-file';
import { splitFrontMatter } from '../../../../src/lib/parse/front-matter';
import { detectShape } from '../../../../src/lib/parse/shapes/detect-shape';
import { ProblemList } from '../../../../src/lib/problems';

const body = (file: string) =>
  splitFrontMatter(readFileSync(`tests/fixtures/${file}`, 'utf8'), new ProblemList(file)).body;

describe('detectShape', () => {
  it('tells every real copy’s shape from its content', () => {
    expect(detectShape(body('seed/2025-05-30.txt'))).toBe('plain');
    expect(detectShape(body('real/search-firecrawl-markdown.md'))).toBe('markdown');
    expect(detectShape(body('real/trending-crawler-markdown.md'))).toBe('markdown');
    expect(detectShape(body('real/search-text-with-urls.txt'))).toBe('urls-text');
    expect(detectShape(body('real/api-daily-papers-one-item.json'))).toBe('api-json');
  });

  it('is not fooled by prose that merely contains brackets or a URL', () => {
    expect(
      detectShape('May 30\n\n[RET]: Retrieval Tokens\n\nWe add a [RET] token. See https://x.org/a.\n'),
    ).toBe('plain');
    expect(detectShape('May 30\n\nTitle\n\nAbstract.\nhttps://huggingface.co/papers/2505.00001\n')).toBe(
      'plain',
    );
    expect(detectShape('[Subscribe](https://huggingface.co/login)\n\nMay 30\n')).toBe('markdown');
    expect(detectShape('  [\n  {"paper": {}}\n]')).toBe('api-json');
    expect(detectShape('[]')).toBe('api-json');
  });

  it('can be overridden with --shape', () => {
    const text = '# Not a heading in this plain copy\n\nMay 30\n\nA Title\n\nAn abstract sentence here.\n';
    expect(parseDayText(text, '2025-05-30.txt').shape).toBe('markdown');
    const forced = parseDayText(text, '2025-05-30.txt', { shape: 'plain' });
    expect(forced.shape).toBe('plain');
    expect(forced.papers.map((p) => p.title)).toEqual(['A Title']);
  });
});
