import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDayBytes, parseDayText } from '../../../../src/lib/parse/day-file';
import { expectNoFurniture } from './furniture';

const FILE = 'tests/fixtures/real/search-text-with-urls.txt';
const text = readFileSync(FILE, 'utf8');
const day = parseDayBytes(readFileSync(FILE), FILE);
const byId = (id: string) => {
  const paper = day.papers.find((p) => p.arxivId === id);
  if (!paper) throw new Error(`no paper ${id}`);
  return paper;
};

describe('NotebookLM export with URLs on their own lines (real copy)', () => {
  it('is detected and dated by its date line `Mar 25` in 2026', () => {
    expect(day.shape).toBe('urls-text');
    expect(day.date).toBe('2026-03-25');
    expect(day.sourceUrl).toBe('https://huggingface.co/papers?q=Intercode%20Bash');
    expect(day.problems).toEqual([]);
  });

  it('takes the year from the "previous" link when nothing else gives it', () => {
    const withoutExported = text.replace('exported: 2026-07-28\n', '');
    const parsed = parseDayText(withoutExported, 'notebook-export.txt');
    expect(parsed.date).toBe('2026-03-25');
    expect(parsed.papers).toHaveLength(107);
  });

  it('gives exactly its 107 papers, in page order', () => {
    expect(day.papers).toHaveLength(107);
    expect(new Set(day.papers.map((p) => p.arxivId)).size).toBe(107);
    const titles = day.papers.map((p) => p.title);
    expect(titles.slice(0, 5)).toEqual([
      'Better than Your Teacher: LLM Agents that learn from Privileged AI Feedback',
      'InterCode: Standardizing and Benchmarking Interactive Coding with Execution Feedback',
      'LLM-Supported Natural Language to Bash Translation',
      'NL2Bash: A Corpus and Semantic Parser for Natural Language Interface to the Linux Operating System',
      'Shellcode_IA32: A Dataset for Automatic Shellcode Generation',
    ]);
    expect(titles.slice(-3)).toEqual([
      'TreeCoder: Systematic Exploration and Optimisation of Decoding and Constraints for LLM Code Generation',
      'HoPE: Hyperbolic Rotary Positional Encoding for Stable Long-Range Dependency Modeling in Large Language Models',
      'Language Server CLI Empowers Language Agents with Process Rewards',
    ]);
    expect(titles).toContain('StarCoder: may the source be with you!');
    expect(titles).toContain('SPoC: Search-based Pseudocode to Code');
    expect(titles).toContain(
      'CrossCodeEval: A Diverse and Multilingual Benchmark for Cross-File Code Completion',
    );
    expect(titles).not.toContain('Daily Papers');
  });

  it('reads upvotes, authors or organisation, published day and comments', () => {
    expect(byId('2410.05434')).toMatchObject({
      upvotes: 1,
      authorCount: 2,
      publishedAt: '2024-10-07',
      links: [{ url: 'https://leap-llm.github.io', kind: 'project' }],
    });
    expect(byId('2410.05434').abstract.startsWith('While large language models (LLMs) show impressive')).toBe(
      true,
    );
    expect(byId('2306.14898')).toMatchObject({ upvotes: 0, authorCount: 4, publishedAt: '2023-06-26' });
    expect(byId('2409.02326')).toMatchObject({
      upvotes: 19,
      authorCount: 3,
      publishedAt: '2024-09-03',
      comments: 2,
    });
    const soft = byId('2510.21057');
    expect(soft).toMatchObject({
      upvotes: 5,
      organization: 'Google',
      publishedAt: '2025-10-23',
      comments: 1,
    });
    expect(soft.authorCount).toBeUndefined();
    expect(byId('2510.22907')).toMatchObject({ upvotes: 5, authorCount: 2, comments: 1 });
    for (const paper of day.papers) {
      expect(paper.upvotes).toBeGreaterThanOrEqual(0);
      expect(paper.publishedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(paper.abstract.length).toBeGreaterThan(100);
    }
  });

  it('lets no furniture or site navigation into any title or abstract', () => {
    expectNoFurniture(day.papers);
    for (const paper of day.papers) {
      expect(paper.abstract).not.toMatch(/^https?:\/\/\S+$/m);
      expect(paper.abstract).not.toMatch(/System theme|Terms of service|\bTOS\b/);
    }
  });

  it('keeps the papers of a copy cut mid-abstract and warns about the cut one', () => {
    const cutAt = text.indexOf(
      'Large language models (LLMs) have shown remarkable ability to generate code, yet',
    );
    const parsed = parseDayText(text.slice(0, cutAt + 300), 'cut-2026-03-25.txt');
    expect(parsed.papers.at(-1)!.title).toBe(
      'TreeCoder: Systematic Exploration and Optimisation of Decoding and Constraints for LLM Code Generation',
    );
    expect(parsed.papers).toHaveLength(105);
    expect(parsed.papers.at(-1)!.abstract).toHaveLength(300);
    expect(parsed.problems).toEqual([
      expect.objectContaining({
        level: 'warning',
        message: expect.stringMatching(/abstract of "TreeCoder.*cut off/),
      }),
    ]);
  });
});

describe('URL lines', () => {
  const page = (urlLine: string) =>
    [
      'Mar 25',
      '',
      'A Study of Something Useful',
      '',
      'https://huggingface.co/papers/2403.00001',
      '',
      'We study something useful. It works well on every benchmark we tried.',
      '',
      urlLine,
      '',
      'A Second Study',
      '',
      'https://huggingface.co/papers/2403.00002',
      '',
      'The second abstract. It is short.',
      '',
      'https://huggingface.co/papers/2403.00002',
      '',
    ].join('\n');
  const read = (body: string) =>
    parseDayText(body, '2026-03-25.txt', { shape: 'urls-text' }).papers.map((paper) => [
      paper.title,
      paper.abstract,
    ]);

  it('are lines that are only a URL, in plain ASCII text and in text with tabs or Unicode spaces', () => {
    const expected = [
      [
        'A Study of Something Useful',
        'We study something useful. It works well on every benchmark we tried.',
      ],
      ['A Second Study', 'The second abstract. It is short.'],
    ];
    expect(read(page('https://huggingface.co/papers/2403.00001'))).toEqual(expected);
    expect(read(page('https://huggingface.co/papers/2403.00001') + '\tMonthly')).toEqual(expected);
    expect(read(page('https://huggingface.co/papers/2403.00001') + '\u00a0')).toEqual(expected);
  });

  it('hold no white space: a URL followed by words is text', () => {
    for (const space of [' ', '\t', '\u00a0', '\u2003']) {
      const [first] = read(page(`https://huggingface.co/papers/2403.00001${space}(PDF)`));
      expect(first![1]).toMatch(
        /benchmark we tried\.\n\nhttps:\/\/huggingface\.co\/papers\/2403\.00001 \(PDF\)$/,
      );
    }
  });
});
