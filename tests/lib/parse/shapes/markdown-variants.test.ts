import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mergeDays } from '../../../../src/lib/merge';
import { parseDayText } from '../../../../src/lib/parse/day-file';
import { expectNoFurniture } from './furniture';

const ABSTRACT_A =
  'We study how language models cite their sources. Our benchmark covers 12 domains and shows that retrieval helps. Code: https://github.com/example/cite.';
const ABSTRACT_B =
  'Transformers are slow on long inputs. We make them fast with a new kernel and release it.';

describe('Markdown listing pages in other scrapers’ shapes', () => {
  it('reads reference-style links hard-wrapped at 120 columns, with headings broken onto a second `###` line', () => {
    const page = [
      '# Daily Papers',
      '',
      '## by [AK][1] and the research community',
      '',
      'Jun 3',
      '',
      '[12][2]',
      '',
      '### [Citing Sources: How Language Models Attribute Claims in',
      '### Retrieval-Augmented Generation][3]',
      '',
      '[We study how language models cite their sources. Our benchmark covers 12 domains and shows that retrieval',
      'helps. Code: https://github.com/example/cite.][3]',
      '',
      '[- 7 authors][3]',
      '',
      '·',
      '',
      'May 30',
      '',
      '[-][4]',
      '',
      '### [Fast Long Transformers][5]',
      '',
      '[Transformers are slow on long inputs. We make them fast with a new kernel and release it.][5]',
      '',
      '[Previous][6]',
      '',
      '   [1]: https://huggingface.co/akhaliq',
      '   [2]: https://huggingface.co/login?next=%2Fpapers%2F2506.01234',
      '   [3]: https://huggingface.co/papers/2506.01234',
      '   [4]: https://huggingface.co/login?next=%2Fpapers%2F2506.04321',
      '   [5]: https://huggingface.co/papers/2506.04321',
      '   [6]: https://huggingface.co/papers/date/2025-06-02',
      '',
    ].join('\n');
    const day = parseDayText(page, 'html2text-page.md');
    expect(day.shape).toBe('markdown');
    expect(day.problems).toEqual([]);
    expect(day.date).toBe('2025-06-03');
    expect(day.papers).toMatchObject([
      {
        title: 'Citing Sources: How Language Models Attribute Claims in Retrieval-Augmented Generation',
        abstract: ABSTRACT_A,
        arxivId: '2506.01234',
        upvotes: 12,
        authorCount: 7,
        publishedAt: '2025-05-30',
        links: [{ url: 'https://github.com/example/cite', kind: 'code' }],
      },
      { title: 'Fast Long Transformers', abstract: ABSTRACT_B, arxivId: '2506.04321', upvotes: 0 },
    ]);
    expectNoFurniture(day.papers);
  });

  it('reads a jina-style reader page and the daily page’s card layout (furniture before the title)', () => {
    const page = [
      'Title: Daily Papers - Hugging Face',
      '',
      'URL Source: https://huggingface.co/papers/date/2025-06-03',
      '',
      'Markdown Content:',
      'Get trending papers in your email inbox once a day!',
      '',
      '[Subscribe](https://huggingface.co/login?next=%2Fpapers)',
      '',
      'Jun 3',
      '',
      '[![Image 1](https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2506.01234.png)](https://huggingface.co/papers/2506.01234)',
      '',
      '[Submitted by\\',
      '\\',
      '![Image 2](https://cdn-avatars.huggingface.co/a.png)\\',
      '\\',
      'akhaliq](https://huggingface.co/akhaliq)',
      '',
      '[- ![Image 3](https://cdn-avatars.huggingface.co/b.png)\\',
      '- 7 authors](https://huggingface.co/papers/2506.01234)',
      '',
      '### [Citing Sources](https://huggingface.co/papers/2506.01234)',
      '',
      '[25](https://huggingface.co/login?next=%2Fpapers%2F2506.01234)',
      '',
      '[GitHub\\',
      '\\',
      '1.2k](https://github.com/example/cite)',
      '',
      '[![Image 4](https://cdn-avatars.huggingface.co/c.png)Example Lab](https://huggingface.co/example-lab)',
      '',
      '·',
      '',
      '[3](https://huggingface.co/papers/2506.01234#community)',
      '',
      '[Previous](https://huggingface.co/papers/date/2025-06-02)[Next](https://huggingface.co/papers/date/2025-06-04)',
    ].join('\n');
    const day = parseDayText(page, 'jina.md');
    expect(day.sourceUrl).toBe('https://huggingface.co/papers/date/2025-06-03');
    expect(day.date).toBe('2025-06-03');
    expect(day.papers).toEqual([
      {
        title: 'Citing Sources',
        abstract: '',
        line: 23,
        links: [],
        arxivId: '2506.01234',
        upvotes: 25,
        authorCount: 7,
        github: { url: 'https://github.com/example/cite', stars: 1200 },
        organization: 'Example Lab',
        comments: 3,
      },
    ]);
    expect(day.problems).toEqual([
      expect.objectContaining({
        line: 23,
        level: 'warning',
        message: expect.stringMatching(/has no abstract/),
      }),
    ]);
  });

  it('reads a page inside a `# Web source` wrapper and a fenced block, the year from `Retrieved:`', () => {
    const page = [
      '# Web source',
      '',
      'URL: https://huggingface.co/papers',
      'Retrieved: 2025-06-04T08:00:00Z',
      '',
      '```markdown',
      'Jun 3',
      '',
      '### [Citing Sources](https://huggingface.co/papers/2506.01234)',
      '',
      `[${ABSTRACT_A}](https://huggingface.co/papers/2506.01234)`,
      '```',
      '',
    ].join('\n');
    const day = parseDayText(page, 'web-source.md');
    expect(day.problems).toEqual([]);
    expect(day.date).toBe('2025-06-03');
    expect(day.sourceUrl).toBe('https://huggingface.co/papers');
    expect(day.papers).toMatchObject([
      { title: 'Citing Sources', abstract: ABSTRACT_A, arxivId: '2506.01234' },
    ]);
  });

  it('reports card furniture whose paper has no title on the page instead of dropping it silently', () => {
    const page = [
      'Jun 3',
      '',
      '[12](https://huggingface.co/login?next=%2Fpapers%2F2506.09999)',
      '',
      '[- 4 authors](https://huggingface.co/papers/2506.09999)',
      '',
      '### [Citing Sources](https://huggingface.co/papers/2506.01234)',
      '',
      `[${ABSTRACT_A}](https://huggingface.co/papers/2506.01234)`,
    ].join('\n');
    const day = parseDayText(page, 'daily/2025-06-03.md');
    expect(day.papers.map((p) => p.title)).toEqual(['Citing Sources']);
    expect(day.papers[0]!.upvotes).toBeUndefined();
    expect(day.problems).toEqual([
      expect.objectContaining({
        line: 3,
        level: 'warning',
        message:
          'upvotes, authors for paper 2506.09999, but no title links to that paper on this page: skipped',
      }),
    ]);
  });

  it('puts a date line the latest such day not after `retrieved:`, across a new year', () => {
    const card = `### [Citing Sources](https://huggingface.co/papers/2506.01234)\n\n[${ABSTRACT_A}](https://huggingface.co/papers/2506.01234)\n\n·\n\nDec 30\n`;
    const day = parseDayText(`---\nretrieved: 2026-01-02\n---\nDec 31\n\n${card}`, 'firecrawl.md');
    expect(day.date).toBe('2025-12-31');
    expect(day.papers[0]!.publishedAt).toBe('2025-12-30');
    const undated = parseDayText(`Dec 31\n\n${card}`, 'firecrawl.md');
    expect(undated.date).toBeUndefined();
    expect(undated.problems).toEqual([
      expect.objectContaining({
        line: 1,
        level: 'error',
        message: expect.stringMatching(/the date line "Dec 31" has no year: .*--date 2025-12-31/),
      }),
    ]);
  });

  it('keeps the papers of a firecrawl copy cut mid-abstract and warns about the cut one', () => {
    const text = readFileSync('tests/fixtures/real/search-firecrawl-markdown.md', 'utf8');
    const cut = text.slice(
      0,
      text.indexOf('introduce a computational pipeline to quantify citation fidelity'),
    );
    const day = parseDayText(cut, 'cut.md');
    expect(day.papers.map((p) => p.title)).toEqual([
      'OCC-RAG: Optimal Cognitive Core for Faithful Question Answering',
      'Benchmark Radar: A Living Database and Search Engine for AI Benchmarks and Evaluation',
      'The Noisy Path from Source to Citation: Measuring How Scholars Engage with Past Research',
    ]);
    expect(day.papers[2]!.abstract.endsWith('changes from cited to citing paper. In this study, we')).toBe(
      true,
    );
    expect(day.problems).toEqual([
      expect.objectContaining({
        line: 56,
        level: 'warning',
        message: expect.stringMatching(/abstract of "The Noisy Path.*cut off/),
      }),
    ]);
  });

  it('keeps a paper’s permalink when a later Markdown copy teaches its arXiv id', () => {
    const plain = parseDayText(`May 30\n\nFast Long Transformers\n\n${ABSTRACT_B}\n`, 'daily/2025-05-30.txt');
    const before = mergeDays([plain]).papers[0]!;
    const markdown = parseDayText(
      [
        'Jun 3',
        '',
        '[4](https://huggingface.co/login?next=%2Fpapers%2F2506.04321)',
        '',
        '### [Fast Long Transformers](https://huggingface.co/papers/2506.04321)',
        '',
        `[${ABSTRACT_B}](https://huggingface.co/papers/2506.04321)`,
      ].join('\n'),
      'daily/2025-06-03.md',
    );
    const after = mergeDays([markdown, plain]);
    expect(after.papers).toHaveLength(1);
    expect(after.papers[0]).toMatchObject({
      id: before.id,
      arxivId: '2506.04321',
      upvotes: 4,
      dates: ['2025-05-30', '2025-06-03'],
    });
    expect(before.arxivId).toBeUndefined();
  });
});
