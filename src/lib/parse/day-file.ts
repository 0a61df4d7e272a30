/**
 * One day file, from bytes to scraped papers with their featured day. Checks that apply to every
 * shape live here: not text at all, an HTML page, empty, no papers, and the day's date.
 */
import { isUtf8 } from 'node:buffer';
import { isoDateInFileName, mostRecentYear, toIsoDate } from '../dates';
import { ProblemList } from '../problems';
import type { Problem } from '../schema';
import { titleKey } from '../text/normalize';
import { decodeUtf8 } from './decode-text';
import { splitFrontMatter } from './front-matter';
import { parsePlainText } from './plain-text';
import type { DateLine, ScrapedPaper, ShapeResult } from './scraped-paper';
import { parseApiJson } from './shapes/api-json';
import { publishedIso } from './shapes/card-assembler';
import { detectShape, SHAPES, type ShapeName } from './shapes/detect-shape';
import { parseMarkdown } from './shapes/markdown';
import { parseTextWithUrls } from './shapes/text-with-urls';

/** A parsed day file. `date` is absent when it could not be settled (an error says why). */
export interface ParsedDay {
  file: string;
  date?: string;
  /** How the date was settled, for `add`'s front matter. */
  dateFrom?: 'option' | 'front matter' | 'file name' | 'date line' | 'latest past day';
  papers: ScrapedPaper[];
  /** The match key of each paper's title (see `titleKey`), in the order of `papers`, when known. */
  keys?: string[];
  problems: Problem[];
  /** The shape the body was read as (detected, or forced with `--shape`). */
  shape?: ShapeName;
  /** A trending page, which shows every card twice (desktop and mobile copies). */
  trending?: boolean;
  sourceUrl?: string;
  scrapedAt?: string;
}

export { SHAPES, type ShapeName };

/** How a day's date may be settled beyond the file itself, and how to read it. */
export interface DayOptions {
  /** `--shape`: read the body as this shape instead of detecting it. */
  shape?: ShapeName;
  /** `--date`: overrides front matter and file name. */
  date?: string;
  /**
   * When set (`add`), a date line without a year resolves to the latest such day not after this
   * `YYYY-MM-DD`; otherwise a missing year is an error.
   */
  resolveYearBefore?: string;
}

/** Decodes a file's bytes, rejecting what is not UTF-8 text, then parses it. */
export function parseDayBytes(bytes: Uint8Array, file: string, options: DayOptions = {}): ParsedDay {
  const problems = new ProblemList(file);
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    problems.error(lineAt(bytes, nul), `binary data (a NUL byte at offset ${nul}): this is not a text file`);
    return { file, papers: [], problems: problems.items };
  }
  const { text, plainLatin1 } = decodeUtf8(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  // Decoding replaces invalid bytes by U+FFFD; only then is the (slower) strict check needed.
  if (text.includes('\ufffd') && !isUtf8(bytes)) {
    problems.error(1, 'not valid UTF-8 text: save the scrape as UTF-8 and try again');
    return { file, papers: [], problems: problems.items };
  }
  return parseDayText(text, file, options, plainLatin1);
}

/**
 * Parses a day file's text: front matter, body in its shape, and the day's date. `plainLatin1`
 * says what the decoder learnt of the text (see `DecodedText`), when it is known.
 */
export function parseDayText(
  text: string,
  file: string,
  options: DayOptions = {},
  plainLatin1?: boolean,
): ParsedDay {
  const problems = new ProblemList(file);
  const result: ParsedDay = { file, papers: [], problems: problems.items };
  if (text.trim() === '') {
    problems.error(1, 'file is empty: expected the text of a Daily Papers page');
    return result;
  }
  const head = text.slice(0, 2048).trimStart().toLowerCase();
  if (/^(?:\ufeff)?<(?:!doctype html|html[\s>]|head[\s>]|body[\s>])/.test(head)) {
    problems.error(
      1,
      "this is an HTML page, not the page's text: open the page in a browser, select all, copy, and save that text",
    );
    return result;
  }
  const { data, body, lineOffset, retrieved } = splitFrontMatter(text, problems);
  const shapeName = options.shape ?? detectShape(body);
  result.shape = shapeName;
  const shape = readShape(shapeName, body, lineOffset, problems, plainLatin1);
  const source = data.source ?? shape.wrapper?.source;
  if (source) result.sourceUrl = source;
  if (data.scraped_at) result.scrapedAt = data.scraped_at;
  result.papers = shape.papers;
  // Keyed now, while each title is still in the processor's cache: merging reads 40,000 of them
  // again from all over the heap, where every read cost a cache miss.
  result.keys = shape.papers.map((paper) => titleKey(paper.title));
  if (shape.trending) result.trending = true;
  if (shape.papers.length === 0 && !problems.hasErrors) {
    problems.error(lineOffset + 1, `no papers found: ${NO_PAPERS_HINT[shapeName]}`);
  }
  const context: DateContext = {
    shape,
    frontMatterDate: data.date,
    retrieved: retrieved ?? shape.wrapper?.retrieved,
  };
  settleDate(result, context, options, problems);
  if (result.date) settlePublishedDays(result.papers, Number(result.date.slice(0, 4)));
  return result;
}

const NO_PAPERS_HINT: Record<ShapeName, string> = {
  plain: 'expected a title line followed by an abstract after the header',
  markdown: 'expected paper cards: `### ` title headings or links to huggingface.co/papers/<id>',
  'urls-text': 'expected paper titles each followed by a https://huggingface.co/papers/<id> line',
  'api-json': 'the JSON array has no items',
};

function readShape(
  shape: ShapeName,
  body: string,
  lineOffset: number,
  problems: ProblemList,
  plainLatin1: boolean | undefined,
): ShapeResult {
  switch (shape) {
    case 'plain':
      return parsePlainText(body, lineOffset, problems, plainLatin1);
    case 'markdown':
      return parseMarkdown(body, lineOffset, problems, plainLatin1);
    case 'urls-text':
      return parseTextWithUrls(body, lineOffset, problems, plainLatin1);
    case 'api-json':
      return parseApiJson(body, lineOffset, problems, plainLatin1);
  }
}

/** A card's published day shown without a year is in the page's year. */
function settlePublishedDays(papers: ScrapedPaper[], pageYear: number): void {
  for (const paper of papers) {
    if (!paper.publishedOn) continue;
    const iso = publishedIso(paper.publishedOn, pageYear);
    if (iso) paper.publishedAt = iso;
  }
}

interface DateContext {
  shape: ShapeResult;
  frontMatterDate: string | undefined;
  retrieved: string | undefined;
}

function settleDate(
  result: ParsedDay,
  context: DateContext,
  options: DayOptions,
  problems: ProblemList,
): void {
  const { dateLine } = context.shape;
  const { frontMatterDate } = context;
  const fileDate = isoDateInFileName(result.file);
  const [given, from] = options.date
    ? [options.date, 'option' as const]
    : frontMatterDate
      ? [frontMatterDate, 'front matter' as const]
      : fileDate
        ? [fileDate, 'file name' as const]
        : [undefined, undefined];
  const describe = { option: '--date', 'front matter': 'front matter date', 'file name': 'the file name' };

  if (given && from) {
    if (dateLine && !dateLineMatches(dateLine, given)) {
      problems.error(
        dateLine.line,
        `the date line "${dateLine.text}" does not match ${given} from ${describe[from]}: fix one of them`,
      );
      return;
    }
    result.date = given;
    result.dateFrom = from;
    return;
  }
  if (dateLine?.year !== undefined) {
    result.date = toIsoDate(dateLine.year, dateLine.month, dateLine.day);
    result.dateFrom = 'date line';
    return;
  }
  if (dateLine && context.retrieved) {
    // The page was fetched on `retrieved`: its date line is the latest such day not after it.
    result.date = mostRecentYear(dateLine, context.retrieved);
    result.dateFrom = 'date line';
    return;
  }
  if (dateLine && options.resolveYearBefore) {
    result.date = mostRecentYear(dateLine, options.resolveYearBefore);
    result.dateFrom = 'latest past day';
    return;
  }
  const hint = context.shape.dateHint;
  if (!dateLine && hint) {
    result.date = hint.iso;
    result.dateFrom = 'date line';
    return;
  }
  if (!dateLine && context.shape.trending) {
    problems.error(
      1,
      'a trending page carries no date of its own: pass --date YYYY-MM-DD, add front matter "date: YYYY-MM-DD", ' +
        'or name the file YYYY-MM-DD.md (the day the page was scraped)',
    );
    return;
  }
  const label = dateLine ? `the date line "${dateLine.text}" has no year` : 'no date found';
  const example = dateLine ? toIsoDate(2025, dateLine.month, dateLine.day) : 'YYYY-MM-DD';
  problems.error(
    dateLine?.line ?? 1,
    `${label}: name the file ${example}.txt, add front matter "date: ${example}", or pass --date ${example}`,
  );
}

function dateLineMatches(dateLine: DateLine, iso: string): boolean {
  const [year, month, day] = iso.split('-').map(Number);
  return (
    dateLine.month === month &&
    dateLine.day === day &&
    (dateLine.year === undefined || dateLine.year === year)
  );
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 10) line++;
  return line;
}
