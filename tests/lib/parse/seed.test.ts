import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mergeDays } from '../../../src/lib/merge';
import { parseDayBytes } from '../../../src/lib/parse/day-file';
import { paperSchema } from '../../../src/lib/schema';

const SEED = 'tests/fixtures/seed/2025-05-30.txt';
const bytes = readFileSync(SEED);
const { papers, problems, days } = mergeDays([parseDayBytes(bytes, SEED)]);

// The seed is simple enough to read by alternation: 5 header lines, then title and abstract lines.
const seedLines = bytes
  .toString('utf8')
  .split('\n')
  .filter((line) => line.trim() !== '');
const expected: { title: string; abstract: string }[] = [];
for (let i = 5; i + 1 < seedLines.length; i += 2) {
  expected.push({ title: seedLines[i]!, abstract: seedLines[i + 1]!.replace(/\\url\{([^}]*)\}/g, '$1') });
}

describe('the seed day', () => {
  it('gives exactly its 41 papers with no problems', () => {
    expect(expected).toHaveLength(41);
    expect(papers).toHaveLength(41);
    expect(problems).toEqual([]);
  });

  it('keeps every title and abstract exactly, in page order', () => {
    expect(papers.map((p) => ({ title: p.title, abstract: p.abstract }))).toEqual(expected);
    expect(days).toHaveLength(1);
    expect(days[0]!.paperIds).toEqual(papers.map((p) => p.id));
  });

  it('dates every paper 2025-05-30 from the file name and cites its line', () => {
    for (const paper of papers) expect(paper.dates).toEqual(['2025-05-30']);
    expect(papers[0]!.source).toEqual({ file: SEED, line: 11 });
    expect(papers[40]!.source.line).toBe(171);
  });

  it('keeps math and unwraps \\url{} as the page shows it', () => {
    const mt4 = papers.find((p) => p.title.startsWith('MT4CrossOIE'))!;
    expect(mt4.abstract).toContain('OIEhttps://github.com/CSJianYang/Multilingual-Multimodal-NLP.');
    expect(mt4.abstract).not.toContain('\\url');
  });

  it('extracts the 9 URLs without glued punctuation, typed', () => {
    const links = papers.flatMap((p) => p.links);
    expect(links).toEqual([
      { url: 'https://github.com/IDEA-FinAI/Golden-Touchstone', kind: 'code' },
      { url: 'https://github.com/AlanAnsell/bistil', kind: 'code' },
      { url: 'https://huggingface.co/datasets/Fujitsu-FRE/MAPS', kind: 'dataset' },
      { url: 'https://huggingface.co/spaces/cis-lmu/Mexa', kind: 'demo' },
      { url: 'https://github.com/cisnlp/Mexa', kind: 'code' },
      { url: 'https://github.com/LluckyYH/XTRUST', kind: 'code' },
      { url: 'https://github.com/CSJianYang/Multilingual-Multimodal-NLP', kind: 'code' },
      { url: 'https://www.youtube.com/watch?v=GYT-65HZwus', kind: 'video' },
      { url: 'https://github.com/andreeaiana/xMIND', kind: 'code' },
    ]);
  });

  it('gives unique URL-safe ids and schema-valid records', () => {
    const ids = papers.map((p) => p.id);
    expect(new Set(ids).size).toBe(41);
    for (const paper of papers) {
      expect(paper.id).toMatch(/^[a-z0-9][a-z0-9-]*$/);
      expect(paperSchema.safeParse(paper).success).toBe(true);
    }
  });

  it('is what the shipped content day holds, byte for byte', () => {
    expect(readFileSync('content/daily/2025-05-30.txt').equals(bytes)).toBe(true);
  });
});
