import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mergeDays } from '../../../../src/lib/merge';
import { parseDayBytes, parseDayText } from '../../../../src/lib/parse/day-file';
import { paperSchema } from '../../../../src/lib/schema';

const FILE = 'tests/fixtures/real/api-daily-papers-one-item.json';
const text = readFileSync(FILE, 'utf8');
const day = parseDayBytes(readFileSync(FILE), FILE);

describe('GET /api/daily_papers JSON (one real item)', () => {
  it('is detected and dated by the day the paper was submitted to Daily Papers', () => {
    expect(day.shape).toBe('api-json');
    expect(day.date).toBe('2026-03-06');
    expect(day.problems).toEqual([]);
  });

  it('maps every field of paper.*, never the item’s hours-off top-level copies', () => {
    expect(day.papers).toHaveLength(1);
    const paper = day.papers[0]!;
    expect(paper).toEqual({
      title: 'Large Multimodal Models as General In-Context Classifiers',
      abstract: expect.stringMatching(
        /^Which multimodal model should we use for classification\? Previous studies suggest .* than CLIP's, LMMs with a few in-context examples .* a flexible alternative to specialized models\.$/,
      ),
      line: 2,
      links: [{ url: 'https://circle-lmm.github.io/', kind: 'project' }],
      arxivId: '2602.23229',
      authors: ['Marco Garosi', 'Matteo Farina', 'Alessandro Conti', 'Massimiliano Mancini', 'Elisa Ricci'],
      authorCount: 5,
      upvotes: 10,
      organization: 'Multimedia and Human Understanding Group',
      publishedAt: '2026-02-26',
      github: { url: 'https://github.com/marco-garosi/CIRCLE', stars: 9 },
      comments: 1,
      summary:
        'Large Multimodal Models demonstrate superior performance in closed-world classification with in-context ' +
        'learning and excel in open-world scenarios when equipped with context refinement techniques.',
    });
    expect(paper.abstract).toHaveLength(1375);
  });

  it('becomes a valid record through merging', () => {
    const merged = mergeDays([day]);
    expect(merged.papers).toHaveLength(1);
    expect(paperSchema.safeParse(merged.papers[0]).success).toBe(true);
    expect(merged.papers[0]!.dates).toEqual(['2026-03-06']);
  });

  it('joins arXiv hard wraps in titles and abstracts', () => {
    const wrapped = text
      .replace(
        '"Large Multimodal Models as General In-Context Classifiers"',
        '"Large Multimodal Models as General\\n  In-Context Classifiers"',
      )
      .replace('Which multimodal model should we use', 'Which multimodal\\nmodel should we use');
    const parsed = parseDayText(wrapped, FILE);
    expect(parsed.papers[0]!.title).toBe('Large Multimodal Models as General In-Context Classifiers');
    expect(parsed.papers[0]!.abstract).toBe(day.papers[0]!.abstract);
  });

  it('reports broken JSON and items without a title as problems with their line', () => {
    const broken = parseDayText('[\n{"paper": {"title": "A"}},\n{"paper": ]\n', '2026-03-06.json');
    expect(broken.papers).toEqual([]);
    expect(broken.problems).toEqual([
      expect.objectContaining({
        level: 'error',
        message: expect.stringMatching(/^not valid JSON: Unexpected token/),
      }),
    ]);
    const untitled = parseDayText(
      '[\n  {"paper": {"id": "2602.00001"}},\n  {"paper": {"title": "Kept", "summary": "An abstract."}}\n]\n',
      '2026-03-06.json',
    );
    expect(untitled.papers.map((p) => p.title)).toEqual(['Kept']);
    expect(untitled.problems).toEqual([
      expect.objectContaining({ line: 2, level: 'error', message: 'item 1 has no paper.title: skipped' }),
    ]);
  });
});
