/**
 * Generated days rendered in every shape the parser reads, each renderer mimicking a real copy
 * (firecrawl, html-to-Markdown with reference links wrapped at 120 columns, the trending
 * crawler's Markdown, the NotebookLM export, the API's JSON), must give the same records as
 * the plain rendering of the same days.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paperAbstract, paperTitle } from '../../../support/arbitrary-papers';
import { mergeDays } from '../../../../src/lib/merge';
import { parseDayText, type ParsedDay } from '../../../../src/lib/parse/day-file';
import { titleKey } from '../../../../src/lib/text/normalize';

interface GenPaper {
  title: string;
  abstract: string;
  arxivId: string;
  upvotes: number;
  authors: number;
}
type GenDay = [Date, GenPaper[]];

/** The same paper has the same arXiv id on every day, as on the real site. */
function arxivIdOf(title: string): string {
  let high = 7;
  let low = 11;
  for (const ch of titleKey(title)) {
    high = (high * 31 + ch.charCodeAt(0)) % 9_000;
    low = (low * 37 + ch.charCodeAt(0)) % 100_000;
  }
  return `${1000 + high}.${String(low).padStart(5, '0')}`;
}
const dayPapers = fc.uniqueArray(
  fc
    .record({
      title: paperTitle,
      abstract: paperAbstract,
      upvotes: fc.integer({ min: 0, max: 2000 }),
      authors: fc.integer({ min: 1, max: 40 }),
    })
    .map((p): GenPaper => ({ ...p, arxivId: arxivIdOf(p.title) })),
  { minLength: 1, maxLength: 6, selector: (p) => titleKey(p.title) },
);
const days = fc.uniqueArray(
  fc.tuple(
    fc.date({ min: new Date('2023-01-01'), max: new Date('2026-12-31'), noInvalidDate: true }),
    dayPapers,
  ),
  { minLength: 1, maxLength: 3, selector: ([date]) => date.toISOString().slice(0, 10) },
);

const iso = (date: Date) => date.toISOString().slice(0, 10);
const monthDay = (date: Date) =>
  `${date.toLocaleString('en-US', { month: 'short', timeZone: 'UTC' })} ${date.getUTCDate()}`;
const previousDay = (date: Date) => iso(new Date(date.getTime() - 86_400_000));
const paperUrl = (p: GenPaper) => `https://huggingface.co/papers/${p.arxivId}`;
const loginUrl = (p: GenPaper) => `https://huggingface.co/login?next=%2Fpapers%2F${p.arxivId}`;
const escapeMarkdown = (text: string) => text.replace(/[\\[\]_*`]/g, '\\$&');

/** Hard-wraps text at `width` columns on spaces. */
function wrapLines(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const w of text.split(' ')) {
    if (line !== '' && line.length + 1 + w.length > width) {
      lines.push(line);
      line = w;
    } else line = line === '' ? w : `${line} ${w}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}

const renderers: Record<string, (date: Date, papers: GenPaper[]) => string> = {
  plain: (date, papers) =>
    `new\n\nSubscribe\n\nbyAK and the research community\n\n${monthDay(date)}\n\n` +
    papers.map((p) => `${p.title}\n\n${p.abstract}`).join('\n\n') +
    '\n',

  firecrawl: (date, papers) =>
    `---\nurl: https://huggingface.co/papers\nretrieved: ${iso(date)}\n---\nnew\n\n` +
    `[Subscribe](https://huggingface.co/login?next=%2Fpapers)\n\n# Daily Papers\n\n` +
    `## by [![](https://huggingface.co/front/assets/papers-by.png)AK](https://huggingface.co/akhaliq) and the research community\n\n` +
    `- Daily\n- Weekly\n- Monthly\n\n[Trending Papers](https://huggingface.co/papers/trending)\n\n${monthDay(date)}\n\n` +
    papers
      .map((p) => {
        const words = escapeMarkdown(p.title).split(' ');
        const heading =
          words.length > 6
            ? `${words.slice(0, 6).join(' ')}\\  ${words.slice(6).join(' ')}`
            : words.join(' ');
        const body = wrapLines(escapeMarkdown(p.abstract), 80).join('\\\\\n');
        return (
          `[${p.upvotes || '-'}](${loginUrl(p)})\n\n### [${heading}](${paperUrl(p)})\n\n[${body}](${paperUrl(p)})\n\n` +
          `[- ![](https://huggingface.co/avatars/a.svg)\\\\\n- ${p.authors} authors](${paperUrl(p)})\n\n·\n\nMar 3, 2024`
        );
      })
      .join('\n\n') +
    `\n\n[Previous](https://huggingface.co/papers/date/${previousDay(date)})\n\nTrending Papers ranked by GitHub stars activity\n`,

  'reference-style': (date, papers) => {
    const definitions: string[] = [];
    const ref = (url: string) => {
      definitions.push(`   [${definitions.length + 1}]: ${url}`);
      return definitions.length;
    };
    const cards = papers.map((p) => {
      const upvote = ref(loginUrl(p));
      const link = ref(paperUrl(p));
      const heading = wrapLines(`[${escapeMarkdown(p.title)}][${link}]`, 60).map((l) => `### ${l}`);
      const body = wrapLines(`[${escapeMarkdown(p.abstract)}][${link}]`, 120);
      return `[${p.upvotes || '-'}][${upvote}]\n\n${heading.join('\n')}\n\n${body.join('\n')}\n\n[- ${p.authors} authors][${link}]`;
    });
    return `# Daily Papers\n\n${monthDay(date)}\n\n${cards.join('\n\n')}\n\n[Previous][${ref(`https://huggingface.co/papers/date/${previousDay(date)}`)}]\n\n${definitions.join('\n')}\n`;
  },

  'trending-crawler': (date, papers) =>
    `---\ndate: ${iso(date)}\n---\n# What is Papers with Code?\n**URL:** https://paperswithcode.com\n` +
    `**Page Title:** Trending Papers - Hugging Face\n--------------------\n\n` +
    `Get trending papers in your email inbox!\n\n## Trending Papers\n\n## by AK and the research community\n\n` +
    papers
      .map((p) => {
        const [first, ...rest] = wrapLines(p.title, 50);
        const heading = [`### ${first}`, ...rest.map((l) => `  ${l}`)].join('\n');
        const card = `${heading}\n\n${wrapLines(p.abstract, 80).join('\n')}\n- ${p.authors} authors\n[LINK: GitHub 1.2k](https://github.com/o/r)`;
        return `${card}\n\n${card}`;
      })
      .join('\n\n') +
    '\n',

  'urls-text': (date, papers) =>
    `---\ntitle: "Daily Papers - Hugging Face"\nurl: https://huggingface.co/papers\nexported: ${iso(date)}\n---\n\n` +
    `# Daily Papers - Hugging Face\nDaily Papers - Hugging Face\n\nModels\n\nhttps://huggingface.co/models\n\nnew\n\n` +
    `Subscribe\n\nhttps://huggingface.co/login?next=%2Fpapers\n\n \n\nhttps://huggingface.co/papers/date/${previousDay(date)}\n\n${monthDay(date)}\n\n` +
    papers
      .map(
        (p) =>
          ` [-] ${p.upvotes || '-'}\n\n${loginUrl(p)}\n\n${p.title}\n\n${paperUrl(p)}\n\n${p.abstract}\n\n${paperUrl(p)}\n\n` +
          `[\n\n${p.authors} authors](${paperUrl(p)})\n\n·\n\nOct 7, 2024 \n\n2\n\n${paperUrl(p)}#community`,
      )
      .join('\n\n') +
    `\n\nPrevious\n\nhttps://huggingface.co/papers/date/${previousDay(date)}\n\nSystem theme\n\nTOS\n\nhttps://huggingface.co/terms-of-service\n`,

  'api-json': (date, papers) =>
    JSON.stringify(
      papers.map((p) => ({
        paper: {
          id: p.arxivId,
          title: wrapLines(p.title, 50).join('\n  '),
          summary: wrapLines(p.abstract, 80).join('\n'),
          authors: Array.from({ length: p.authors }, (_, i) => ({ name: `Author ${i + 1}` })),
          submittedOnDailyAt: `${iso(date)}T03:55:12.777Z`,
          upvotes: p.upvotes,
        },
        title: p.title,
        numComments: 0,
      })),
      null,
      2,
    ),
};

const FILE_NAMES: Record<string, (date: Date) => string> = {
  plain: (date) => `daily/${iso(date)}.txt`,
  firecrawl: () => 'firecrawl-scrape.md',
  'reference-style': (date) => `daily/${iso(date)}.md`,
  'trending-crawler': () => 'trending.md',
  'urls-text': () => 'notebook-export.txt',
  'api-json': () => 'daily_papers.json',
};

const parseAll = (input: GenDay[], shape: string): ParsedDay[] =>
  input.map(([date, papers]) => parseDayText(renderers[shape]!(date, papers), FILE_NAMES[shape]!(date)));
const records = (parsed: ParsedDay[]) => {
  const merged = mergeDays(parsed);
  return {
    errors: merged.problems.filter((p) => p.level === 'error'),
    papers: merged.papers.map(({ id, title, abstract, dates, links }) => ({
      id,
      title,
      abstract,
      dates,
      links,
    })),
  };
};

describe('every shape gives the records the plain shape gives', () => {
  for (const shape of Object.keys(renderers).filter((s) => s !== 'plain')) {
    it(`${shape}: same ids, titles, abstracts, dates and links; arXiv ids and upvotes kept`, () => {
      fc.assert(
        fc.property(days, (input) => {
          const parsed = parseAll(input, shape);
          const expected = records(parseAll(input, 'plain'));
          expect(expected.errors).toEqual([]);
          expect(records(parsed)).toEqual(expected);
          for (const [index, [, papers]] of input.entries()) {
            const day = parsed[index]!;
            const cards =
              shape === 'trending-crawler' ? day.papers.filter((_, i) => i % 2 === 0) : day.papers;
            expect(cards.map((p) => p.title)).toEqual(papers.map((p) => p.title));
            expect(cards.map((p) => p.authorCount)).toEqual(papers.map((p) => p.authors));
            if (shape !== 'trending-crawler') {
              expect(cards.map((p) => p.arxivId)).toEqual(papers.map((p) => p.arxivId));
              expect(cards.map((p) => p.upvotes)).toEqual(papers.map((p) => p.upvotes));
            }
          }
        }),
        { numRuns: 60 },
      );
    });
  }
});
