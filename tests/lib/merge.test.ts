import { describe, expect, it } from 'vitest';
import { paperId } from '../../src/lib/ids';
import { mergeDays } from '../../src/lib/merge';
import { parseDayText, type ParsedDay } from '../../src/lib/parse/day-file';

const abstract = (topic: string) => `We study ${topic} in depth. Results improve on strong baselines.`;
const day = (date: string, titles: string[]): ParsedDay =>
  parseDayText(titles.map((t) => `${t}\n\n${abstract(t)}\n`).join('\n'), `daily/${date}.txt`);

describe('mergeDays', () => {
  it('makes one record per paper featured on several days, with every date sorted', () => {
    const merged = mergeDays([
      day('2025-06-02', ['Scaling Laws: A Study', 'Other Paper']),
      day('2025-05-30', ['Scaling laws - a study']),
    ]);
    expect(merged.papers).toHaveLength(2);
    const scaling = merged.papers.find((p) => p.title.startsWith('Scaling'))!;
    expect(scaling.dates).toEqual(['2025-05-30', '2025-06-02']);
    expect(scaling.title).toBe('Scaling laws - a study');
    expect(scaling.source).toEqual({ file: 'daily/2025-05-30.txt', line: 1 });
    expect(merged.mergedDuplicates).toBe(1);
    expect(merged.days.map((d) => [d.date, d.paperIds.length])).toEqual([
      ['2025-05-30', 1],
      ['2025-06-02', 2],
    ]);
  });

  it('matches titles across case, whitespace, punctuation and Unicode forms', () => {
    const merged = mergeDays([
      day('2025-05-30', ['Caf\u00e9: Models for Everyone']),
      day('2025-05-31', ['CAFE\u0301   models, for everyone!']),
    ]);
    expect(merged.papers).toHaveLength(1);
    expect(merged.papers[0]!.dates).toEqual(['2025-05-30', '2025-05-31']);
  });

  it('merges the same title twice in one day with a warning naming both lines', () => {
    const merged = mergeDays([day('2025-05-30', ['Paper A', 'Paper B', 'Paper A'])]);
    expect(merged.papers.map((p) => p.title)).toEqual(['Paper A', 'Paper B']);
    expect(merged.problems).toEqual([
      expect.objectContaining({
        line: 9,
        level: 'warning',
        message: expect.stringContaining('first at line 1'),
      }),
    ]);
    expect(merged.days[0]!.paperIds).toHaveLength(2);
  });

  it('gives distinct ids to different papers whose titles slug alike', () => {
    const long = 'Scaling Multilingual Instruction Tuning Beyond Ten Thousand Languages With Synthetic';
    const titles = ['\u03b1 Models', 'A Models', '多语言模型', '模型', `${long} Data`, `${long} Corpora`];
    const merged = mergeDays([day('2025-05-30', titles)]);
    expect(merged.papers).toHaveLength(6);
    const ids = merged.papers.map((p) => p.id);
    expect(ids[0]!.replace(/-[0-9a-f]{8}$/, '')).toBe(ids[1]!.replace(/-[0-9a-f]{8}$/, ''));
    expect(ids[4]!.replace(/-[0-9a-f]{8}$/, '')).toBe(ids[5]!.replace(/-[0-9a-f]{8}$/, ''));
    expect(new Set(ids).size).toBe(6);
  });

  it('keeps two papers with one title apart by their arXiv ids, each with its own id', () => {
    const card = (arxivId: string, topic: string): ParsedDay['papers'][number] => ({
      title: 'Scaling Laws Revisited',
      abstract: abstract(topic),
      line: 1,
      links: [],
      arxivId,
    });
    const first: ParsedDay = {
      file: 'a.md',
      date: '2025-05-30',
      papers: [card('2505.00001', 'a')],
      problems: [],
    };
    const second: ParsedDay = {
      file: 'b.md',
      date: '2025-05-31',
      papers: [card('2505.00002', 'b')],
      problems: [],
    };
    const again: ParsedDay = {
      file: 'c.md',
      date: '2025-06-01',
      papers: [card('2505.00001', 'c')],
      problems: [],
    };
    const merged = mergeDays([again, second, first]);
    expect(merged.papers.map((p) => [p.arxivId, p.dates])).toEqual([
      ['2505.00001', ['2025-05-30', '2025-06-01']],
      ['2505.00002', ['2025-05-31']],
    ]);
    const [one, two] = merged.papers.map((p) => p.id);
    expect(one).toBe(paperId('scaling laws revisited'));
    expect(two).toBe(paperId('scaling laws revisited\u00002505.00002'));
    expect(merged.days.map((d) => d.paperIds)).toEqual([[one], [two], [one]]);
  });

  it('keeps ids when days are added before or after, and whatever the file order', () => {
    const middle = day('2025-05-30', ['Paper A', 'Paper B']);
    const before = day('2025-05-01', ['Paper B', 'Paper Z']);
    const after = day('2025-06-30', ['Paper A', 'Paper C']);
    const ids = (days: ParsedDay[]) => Object.fromEntries(mergeDays(days).papers.map((p) => [p.title, p.id]));
    const alone = ids([middle]);
    const all = ids([after, middle, before]);
    expect(all['Paper A']).toBe(alone['Paper A']);
    expect(all['Paper B']).toBe(alone['Paper B']);
    expect(ids([before, middle, after])).toEqual(all);
  });

  it('publishes nothing from a day whose date is unsettled, and says why', () => {
    const undated = parseDayText(`May 30\n\nPaper A\n\n${abstract('x')}\n`, 'scrape.txt');
    const merged = mergeDays([undated]);
    expect(merged.papers).toEqual([]);
    expect(merged.problems[0]).toMatchObject({ file: 'scrape.txt', level: 'error' });
  });
});

describe('paperId', () => {
  it('is a readable slug plus a hash of the title key', () => {
    expect(paperId('qwen2 technical report')).toMatch(/^qwen2-technical-report-[0-9a-f]{8}$/);
  });
  it('cuts long slugs at a word boundary', () => {
    const id = paperId('a '.repeat(10) + 'very long title '.repeat(20));
    expect(id.length).toBeLessThanOrEqual(72 + 9);
    expect(id).not.toMatch(/--/);
  });
  it('falls back to a hash for titles with no Latin letters', () => {
    expect(paperId('多语言 模型')).toMatch(/^[a-z0-9-]+$/);
  });
});
