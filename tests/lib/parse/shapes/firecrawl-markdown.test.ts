import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDayBytes } from '../../../../src/lib/parse/day-file';
import { expectNoFurniture } from './furniture';

const FILE = 'tests/fixtures/real/search-firecrawl-markdown.md';
const day = parseDayBytes(readFileSync(FILE), FILE);
const byId = (id: string) => {
  const paper = day.papers.find((p) => p.arxivId === id);
  if (!paper) throw new Error(`no paper ${id}`);
  return paper;
};

describe('firecrawl Markdown of a search page (real copy)', () => {
  it('is detected as Markdown and dated by its date line, with the year from `retrieved:`', () => {
    expect(day.shape).toBe('markdown');
    expect(day.date).toBe('2026-10-02');
    expect(day.sourceUrl).toBe('https://huggingface.co/papers?q=source%20citations');
    expect(day.problems).toEqual([]);
  });

  it('gives exactly its 120 papers, in page order, each with its arXiv id', () => {
    expect(day.papers).toHaveLength(120);
    expect(new Set(day.papers.map((p) => p.arxivId)).size).toBe(120);
    const titles = day.papers.map((p) => p.title);
    expect(titles.slice(0, 5)).toEqual([
      'OCC-RAG: Optimal Cognitive Core for Faithful Question Answering',
      'Benchmark Radar: A Living Database and Search Engine for AI Benchmarks and Evaluation',
      'The Noisy Path from Source to Citation: Measuring How Scholars Engage with Past Research',
      "Source or It Didn't Happen: A Multi-Agent Framework for Citation Hallucination Detection",
      'Sources of Truth: A Multi-Platform, Multilingual Audit of Citations in AI Mental Health Information Queries',
    ]);
    expect(titles.slice(-3)).toEqual([
      'MSRS: Evaluating Multi-Source Retrieval-Augmented Generation',
      'DeepWeaver: Bridging the Evidence Synthesis Gap in Open-Ended Question Answering',
      'Methods for Legal Citation Prediction in the Age of LLMs: An Australian Law Case Study',
    ]);
    // Titles arXiv wrapped (`\ ` in the heading) and titles with escaped brackets.
    expect(titles).toContain(
      'WebCiteS: Attributed Query-Focused Summarization on Chinese Web Search Results with Citations',
    );
    expect(titles).toContain('Text-Driven Neural Collaborative Filtering Model for Paper Source Tracing');
    expect(titles).toContain(
      '[Citation needed] Data usage and citation practices in medical imaging conferences',
    );
    expect(titles).toContain('Is this Citation on Point?');
  });

  it('joins abstracts hard-wrapped with `\\\\` and unescapes Markdown', () => {
    const noisy = byId('2502.20581');
    expect(
      noisy.abstract.startsWith(
        'Academic citations are widely used for evaluating research and tracing knowledge flows. Such uses',
      ),
    ).toBe(true);
    expect(noisy.abstract.endsWith('and the potential for distortion of evidence.')).toBe(true);
    const citationNeeded = byId('2402.03003');
    expect(citationNeeded.abstract).toContain(
      'a pipeline https://github.com/TheoSourget/Public_Medical_Datasets_References using OpenAlex',
    );
    expect(citationNeeded.links.map((l) => l.url)).toEqual([
      'https://github.com/TheoSourget/Public_Medical_Datasets_References',
      'https://github.com/TheoSourget/pdf_annotator',
    ]);
    expect(byId('2408.08896').abstract).toContain('workshop at SIGIR 2024. Test collections');
    expect(byId('2508.20867').abstract).toContain('frontier LLMs -- reveal that generation quality');
  });

  it('reads every card field the page shows', () => {
    expect(byId('2606.00683')).toMatchObject({
      upvotes: 101,
      organization: 'OCC',
      publishedAt: '2026-05-29',
      comments: 6,
      line: 32,
    });
    expect(byId('2609.11115')).toMatchObject({
      upvotes: 173,
      organization: 'Carnegie Mellon University',
      publishedAt: '2026-09-09',
      comments: 9,
    });
    const noisy = byId('2502.20581');
    expect(noisy).toMatchObject({ upvotes: 0, authorCount: 3, publishedAt: '2025-02-27' });
    expect(noisy.comments).toBeUndefined();
    expect(byId('2605.08583')).toMatchObject({
      upvotes: 1,
      organization: 'University of Massachusetts Amherst',
      publishedAt: '2026-05-08',
      comments: 1,
      links: [{ url: 'https://github.com/aaFrostnova/CiteTracer', kind: 'code' }],
    });
    expect(byId('2412.06272')).toMatchObject({ upvotes: 0, authorCount: 3, publishedAt: '2024-12-08' });
    expect(byId('2608.18988')).toMatchObject({ upvotes: 1, authorCount: 5, publishedAt: '2026-08-18' });
    for (const paper of day.papers) {
      expect(paper.upvotes).toBeGreaterThanOrEqual(0);
      expect(paper.publishedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(paper.authorCount !== undefined || paper.organization !== undefined).toBe(true);
      expect(paper.abstract.length).toBeGreaterThan(100);
    }
  });

  it('lets no furniture into any title or abstract', () => {
    expectNoFurniture(day.papers);
  });
});
