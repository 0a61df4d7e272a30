import { describe, expect, it } from 'vitest';
import { parseDayText } from '../../../src/lib/parse/day-file';

const HEADER =
  'new\n\nGet trending papers in your email inbox!\n\nSubscribe\n\nbyAK and the research community\n\nMay 30\n\n';
const ABSTRACT_A =
  'We study cross-lingual transfer in large models. Our results show strong gains on Kirundi. Code is at https://github.com/a/b.';
const ABSTRACT_B =
  'We propose a benchmark for financial language models. It covers many tasks and languages.';
const parse = (text: string, file = 'daily/2025-05-30.txt') => parseDayText(text, file);
const titles = (text: string) => parse(text).papers.map((p) => p.title);

describe('plain text: titles and abstracts', () => {
  it('reads title and abstract pairs after the header', () => {
    const day = parse(`${HEADER}Paper A: Transfer\n\n${ABSTRACT_A}\n\nPaper B\n\n${ABSTRACT_B}\n`);
    expect(day.problems).toEqual([]);
    expect(day.date).toBe('2025-05-30');
    expect(day.papers.map((p) => [p.title, p.abstract, p.line])).toEqual([
      ['Paper A: Transfer', ABSTRACT_A, 11],
      ['Paper B', ABSTRACT_B, 15],
    ]);
    expect(day.papers[0]!.links).toEqual([{ url: 'https://github.com/a/b', kind: 'code' }]);
  });

  it('joins a hard-wrapped abstract into one paragraph', () => {
    const wrapped = ABSTRACT_A.replace(/(.{30,40}?) /g, '$1\n');
    expect(wrapped.split('\n').length).toBeGreaterThan(2);
    const day = parse(`${HEADER}Paper A\n${'\n'}${wrapped}\n\nPaper B\n\n${ABSTRACT_B}\n`);
    expect(day.papers.map((p) => p.abstract)).toEqual([ABSTRACT_A, ABSTRACT_B]);
  });

  it('keeps an abstract split into paragraphs as one abstract', () => {
    const day = parse(`${HEADER}Paper A\n\n${ABSTRACT_A}\n\n${ABSTRACT_B}\n\nPaper C\n\n${ABSTRACT_B}\n`);
    expect(day.papers.map((p) => p.title)).toEqual(['Paper A', 'Paper C']);
    expect(day.papers[0]!.abstract).toBe(`${ABSTRACT_A}\n\n${ABSTRACT_B}`);
  });

  it('finds the links of every paragraph of an abstract, one starting a later paragraph', () => {
    const second =
      'https://huggingface.co/datasets/a/b holds the data. We release it under a permissive license.';
    const day = parse(`${HEADER}Paper A\n\n${ABSTRACT_B}\n\n${second}\n\n${ABSTRACT_A}\n`);
    expect(day.papers[0]!.links).toEqual([
      { url: 'https://huggingface.co/datasets/a/b', kind: 'dataset' },
      { url: 'https://github.com/a/b', kind: 'code' },
    ]);
  });

  it('publishes a title without abstract with an empty one, and warns', () => {
    const day = parse(`${HEADER}Paper A\n\nPaper B\n\n${ABSTRACT_B}\n\nPaper C\n`);
    expect(day.papers.map((p) => [p.title, p.abstract])).toEqual([
      ['Paper A', ''],
      ['Paper B', ABSTRACT_B],
      ['Paper C', ''],
    ]);
    expect(day.problems.map((p) => [p.line, p.level])).toEqual([
      [11, 'warning'],
      [17, 'warning'],
    ]);
    expect(day.problems[0]!.message).toContain('has no abstract');
  });

  it('normalizes CRLF, BOM, tabs, non-breaking spaces, runs of spaces and Unicode to NFC', () => {
    const messy =
      `\ufeff${HEADER}Caf\u0065\u0301\tModels:\u00a0A  Study \r\n\r\n  ${ABSTRACT_B}\u2003\r\n`.replace(
        /\n/g,
        '\r\n',
      );
    const day = parse(messy);
    expect(day.papers.map((p) => [p.title, p.abstract])).toEqual([['Caf\u00e9 Models: A Study', ABSTRACT_B]]);
  });

  it('keeps math and words exactly', () => {
    const abstract =
      'We bound the cost by $O(n^2)$ and $\\mathcal{L}_{x_i}$ with **no** change. See \\url{https://a.org/x}.';
    const day = parse(`${HEADER}Math Paper\n\n${abstract}\n`);
    expect(day.papers[0]!.abstract).toBe(
      'We bound the cost by $O(n^2)$ and $\\mathcal{L}_{x_i}$ with **no** change. See https://a.org/x.',
    );
  });

  it('skips header variants and reports unknown lines before the date line', () => {
    const header =
      'Daily Papers\nby AK and the research community\nGet trending papers in your email inbox once a day!\nDaily\nWeekly\nMonthly\nSomething odd\nMay 30\n\n';
    const day = parse(`${header}Paper A\n\n${ABSTRACT_A}\n`);
    expect(day.papers.map((p) => p.title)).toEqual(['Paper A']);
    expect(day.problems).toEqual([
      expect.objectContaining({
        line: 7,
        level: 'warning',
        message: expect.stringContaining('Something odd'),
      }),
    ]);
  });

  it('reads a file without header or date line when the file name gives the day', () => {
    expect(titles(`Paper A\n\n${ABSTRACT_A}\n`)).toEqual(['Paper A']);
  });
});

describe('plain text: dates', () => {
  const body = `Paper A\n\n${ABSTRACT_A}\n`;
  it('takes front matter date over the file name and reports front matter line offsets', () => {
    const day = parseDayText(
      `---\ndate: 2025-05-30\nsource: https://huggingface.co/papers\n---\nMay 30\n\n${body}`,
      'x.txt',
    );
    expect(day.date).toBe('2025-05-30');
    expect(day.sourceUrl).toBe('https://huggingface.co/papers');
    expect(day.papers[0]!.line).toBe(7);
  });
  it('is an error naming both when the date line disagrees', () => {
    const day = parseDayText(`May 31\n\n${body}`, 'daily/2025-05-30.txt');
    expect(day.date).toBeUndefined();
    expect(day.problems).toEqual([
      expect.objectContaining({
        line: 1,
        level: 'error',
        message: expect.stringMatching(/"May 31".*2025-05-30/),
      }),
    ]);
  });
  it('is an error saying how to fix it when no year is known', () => {
    const day = parseDayText(`May 30\n\n${body}`, 'scrape.txt');
    expect(day.date).toBeUndefined();
    expect(day.problems[0]!.message).toMatch(/no year.*2025-05-30\.txt.*date: 2025-05-30.*--date/);
  });
  it('uses a date line that carries its year', () => {
    expect(parseDayText(`May 30, 2024\n\n${body}`, 'scrape.txt').date).toBe('2024-05-30');
  });
  it('lets --date override the file name', () => {
    expect(parseDayText(`May 30\n\n${body}`, 'scrape.txt', { date: '2023-05-30' }).date).toBe('2023-05-30');
  });
});
