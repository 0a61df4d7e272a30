import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../../../src/lib/parse/front-matter';
import { ProblemList } from '../../../../src/lib/problems';

const read = (text: string) => {
  const problems = new ProblemList('f.md');
  return { ...splitFrontMatter(text, problems), problems: problems.items };
};

describe('front matter written by scraping tools', () => {
  it('gives the page URL from `url:` and the year hint from `retrieved:` or `exported:`', () => {
    const firecrawl = read(
      '---\nurl: https://huggingface.co/papers?q=source%20citations\nretrieved: 2026-10-02\nstatusCode: 200\n---\nOct 2\n',
    );
    expect(firecrawl).toMatchObject({
      data: { source: 'https://huggingface.co/papers?q=source%20citations' },
      retrieved: '2026-10-02',
      lineOffset: 5,
      body: 'Oct 2\n',
      problems: [],
    });
    const notebook = read(
      '---\nsource_id: "fb9b52af"\ntitle: "Daily Papers - Hugging Face"\nexported: 2026-07-28\n---\n',
    );
    expect(notebook.retrieved).toBe('2026-07-28');
    expect(notebook.data).toEqual({});
  });

  it('reads simple blocks the way YAML does, and hands anything else to the YAML parser', () => {
    const simple = read(
      '---\ndate: 2025-05-30\nsource: https://huggingface.co/papers/date/2025-05-30\n---\n',
    );
    const quoted = read(
      '---\ndate: "2025-05-30"\nsource: "https://huggingface.co/papers/date/2025-05-30"\n---\n',
    );
    expect(simple.data).toEqual({
      date: '2025-05-30',
      source: 'https://huggingface.co/papers/date/2025-05-30',
    });
    expect(quoted.data).toEqual(simple.data);
    // A time of day: YAML reads an instant, which is printed back in UTC.
    expect(read('---\nscraped_at: 2025-05-30 10:00:00+02:00\n---\n').data).toEqual({
      scraped_at: '2025-05-30T08:00:00.000Z',
    });
    expect(read('---\nsource: null\ndate: [2025-05-30]\n---\n').problems).toEqual([
      expect.objectContaining({ level: 'error', message: expect.stringMatching(/front matter date/) }),
    ]);
  });
});
