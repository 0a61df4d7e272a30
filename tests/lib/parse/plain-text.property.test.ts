import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paperAbstract, paperTitle } from '../../support/arbitrary-papers';
import { mergeDays } from '../../../src/lib/merge';
import { parseDayText, type ParsedDay } from '../../../src/lib/parse/day-file';
import { titleKey } from '../../../src/lib/text/normalize';

const paper = fc.record({ title: paperTitle, abstract: paperAbstract });
const dayPapers = fc.array(paper, { minLength: 1, maxLength: 8 });
const days = fc.uniqueArray(
  fc.tuple(
    fc.date({ min: new Date('2023-01-01'), max: new Date('2026-12-31'), noInvalidDate: true }),
    dayPapers,
  ),
  {
    minLength: 1,
    maxLength: 5,
    selector: ([date]) => date.toISOString().slice(0, 10),
  },
);

interface Style {
  wrap?: number;
  crlf?: boolean;
  blanks?: number;
}

/** Renders a day as the Daily Papers page's text, optionally wrapped, with CRLF and extra blank lines. */
function render(date: Date, papers: { title: string; abstract: string }[], style: Style = {}): string {
  const gap = '\n'.repeat(1 + (style.blanks ?? 1));
  const wrap = (text: string) =>
    style.wrap ? text.replace(new RegExp(`(.{${style.wrap}}\\S*) `, 'g'), '$1\n') : text;
  const month = date.toLocaleString('en-US', { month: 'short', timeZone: 'UTC' });
  const header = `new${gap}Subscribe${gap}byAK and the research community${gap}${month} ${date.getUTCDate()}${gap}`;
  const text = header + papers.map((p) => `${wrap(p.title)}${gap}${wrap(p.abstract)}`).join(gap) + '\n';
  return style.crlf ? text.replace(/\n/g, '\r\n') : text;
}

const parseAll = (input: [Date, { title: string; abstract: string }[]][], style?: Style): ParsedDay[] =>
  input.map(([date, papers]) =>
    parseDayText(render(date, papers, style), `daily/${date.toISOString().slice(0, 10)}.txt`),
  );
const withoutLines = (merged: ReturnType<typeof mergeDays>) =>
  merged.papers.map(({ source: _source, ...rest }) => rest);

describe('plain text properties', () => {
  it('every title in the input comes out as a paper or as a reported problem', () => {
    fc.assert(
      fc.property(days, (input) => {
        const parsed = parseAll(input);
        const merged = mergeDays(parsed);
        const published = new Set(merged.papers.map((p) => titleKey(p.title)));
        for (const [, papers] of input) {
          for (const p of papers) expect(published.has(titleKey(p.title))).toBe(true);
        }
        const inputCount = input.reduce((n, [, papers]) => n + papers.length, 0);
        expect(merged.papers.length + merged.mergedDuplicates).toBe(inputCount);
        expect(merged.problems.filter((p) => p.level === 'error')).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('gives the same records whatever order the days are read in', () => {
    const daysAndOrder = days.chain((input) =>
      fc.tuple(
        fc.constant(input),
        fc.shuffledSubarray([...input.keys()], { minLength: input.length, maxLength: input.length }),
      ),
    );
    fc.assert(
      fc.property(daysAndOrder, ([input, order]) => {
        const parsed = parseAll(input);
        expect(mergeDays(order.map((i) => parsed[i]!))).toEqual(mergeDays(parsed));
      }),
      { numRuns: 100 },
    );
  });

  it('wrapping, CRLF and extra blank lines do not change the records', () => {
    fc.assert(
      fc.property(
        days,
        fc.record({
          wrap: fc.integer({ min: 20, max: 100 }),
          crlf: fc.boolean(),
          blanks: fc.integer({ min: 1, max: 3 }),
        }),
        (input, style) => {
          expect(withoutLines(mergeDays(parseAll(input, style)))).toEqual(
            withoutLines(mergeDays(parseAll(input))),
          );
        },
      ),
      { numRuns: 150 },
    );
  });
});
