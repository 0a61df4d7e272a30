/**
 * The JSON of `GET /api/daily_papers?date=YYYY-MM-DD`: an array of items, each with the paper
 * under `paper`. The item's own top-level copies (`publishedAt`, `title`) can differ from the
 * paper's by hours, so `paper.*` is what counts.
 */
import { isIsoDate } from '../../dates';
import { classifyUrl, extractLinks, unwrapLatexUrls } from '../../links';
import type { ProblemList } from '../../problems';
import type { Link } from '../../schema';
import { collapseSpaces, isPlainAscii, normalizeLine } from '../../text/normalize';
import { excerpt, MAX_TITLE_LENGTH } from '../plain-text';
import type { ScrapedPaper, ShapeResult } from '../scraped-paper';
import { githubRepoUrl } from './card-furniture';

type Json = Record<string, unknown>;

const ARXIV_ID = /^\d{4}\.\d{4,5}$/;
const PARAGRAPH_BREAK = /\n[ \t]*\n/;

/**
 * Reads the API's JSON; every item becomes a paper or a reported problem. `plainLatin1` is what
 * decoding found of the text (see `DecodedText`), when known.
 */
export function parseApiJson(
  body: string,
  lineOffset: number,
  problems: ProblemList,
  plainLatin1?: boolean,
): ShapeResult {
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    const stated = /\(line (\d+) column/.exec(message);
    const line = position ? lineOfOffset(body, Number(position[1])) : stated ? Number(stated[1]) : 1;
    problems.error(line + lineOffset, `not valid JSON: ${message.split('\n')[0]}`);
    return { papers: [] };
  }
  const items = Array.isArray(data)
    ? data
    : isObject(data) && Array.isArray(data.papers)
      ? data.papers
      : undefined;
  if (!items) {
    problems.error(
      1 + lineOffset,
      'JSON that is not a list of papers: expected the array GET /api/daily_papers returns',
    );
    return { papers: [] };
  }
  const itemLines = elementLines(body);
  const normalize = valueNormalizer(body, plainLatin1);
  const papers: ScrapedPaper[] = [];
  const featuredDays = new Map<string, number>();
  items.forEach((item: unknown, index) => {
    const line = (itemLines[index] ?? 1) + lineOffset;
    const paper = readItem(item, line, index, problems, normalize);
    if (!paper) return;
    papers.push(paper);
    const featured = isObject(item)
      ? dayOf(field(item, 'paper', 'submittedOnDailyAt') ?? item.submittedOnDailyAt)
      : undefined;
    if (featured) featuredDays.set(featured, (featuredDays.get(featured) ?? 0) + 1);
  });
  const result: ShapeResult = { papers };
  const [featured] = [...featuredDays.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  if (featured) {
    result.dateHint = { iso: featured[0], line: 1 + lineOffset, text: `submittedOnDailyAt ${featured[0]}` };
  }
  return result;
}

type Normalize = (value: string) => string;

/**
 * The cheapest function that gives `normalizeLine`'s result for every string value of the JSON
 * `body`. A value holds the text's own characters and what its escapes stand for: when the text
 * is plain Latin-1 (see `lineNormalizer`) and no escape stands for a tab, a form feed or a
 * `\u` character, only spaces need collapsing, unless the value holds a line break.
 */
function valueNormalizer(body: string, plainLatin1: boolean | undefined): Normalize {
  if (!(plainLatin1 ?? isPlainAscii(body))) return normalizeLine;
  let lineBreaks = false;
  for (let at = body.indexOf('\\'); at !== -1; at = body.indexOf('\\', at + 2)) {
    const escaped = body.charCodeAt(at + 1);
    if (escaped === 110 || escaped === 114) lineBreaks = true;
    // `"`, `\\`, `/` and `b` (a backspace, which normalizing keeps) stand for themselves.
    else if (escaped !== 34 && escaped !== 92 && escaped !== 47 && escaped !== 98) return normalizeLine;
  }
  return lineBreaks
    ? (value) => (value.includes('\n') || value.includes('\r') ? normalizeLine(value) : collapseSpaces(value))
    : collapseSpaces;
}

function readItem(
  item: unknown,
  line: number,
  index: number,
  problems: ProblemList,
  normalize: Normalize,
): ScrapedPaper | undefined {
  if (!isObject(item)) {
    problems.error(line, `item ${index + 1} is not an object: skipped`);
    return undefined;
  }
  const paper = isObject(item.paper) ? item.paper : item;
  const title = typeof paper.title === 'string' ? normalize(oneSpaced(paper.title)) : '';
  if (title === '') {
    problems.error(line, `item ${index + 1} has no paper.title: skipped`);
    return undefined;
  }
  if (title.length > MAX_TITLE_LENGTH) {
    problems.error(
      line,
      `title is ${title.length} characters long (limit ${MAX_TITLE_LENGTH}): "${excerpt(title)}" skipped`,
    );
    return undefined;
  }
  const abstract = typeof paper.summary === 'string' ? toAbstract(paper.summary, normalize) : '';
  const result: ScrapedPaper = { title, abstract, line, links: extractLinks(abstract) };
  if (abstract === '')
    problems.warn(line, `"${excerpt(title)}" has no abstract: published with an empty one`);
  if (typeof paper.id === 'string' && ARXIV_ID.test(paper.id)) result.arxivId = paper.id;
  if (Array.isArray(paper.authors)) {
    const names = paper.authors
      .map((author) => (isObject(author) && typeof author.name === 'string' ? normalize(author.name) : ''))
      .filter((name) => name !== '');
    if (names.length > 0) {
      result.authors = names;
      result.authorCount = names.length;
    }
  }
  const upvotes = count(paper.upvotes);
  if (upvotes !== undefined) result.upvotes = upvotes;
  const organization = isObject(paper.organization)
    ? paper.organization
    : isObject(item.organization)
      ? item.organization
      : undefined;
  const organizationName =
    organization && (text(organization.fullname, normalize) ?? text(organization.name, normalize));
  if (organizationName) result.organization = organizationName;
  const published = dayOf(paper.publishedAt);
  if (published) result.publishedAt = published;
  const repo = typeof paper.githubRepo === 'string' ? githubRepoUrl(paper.githubRepo) : undefined;
  if (repo) {
    const stars = count(paper.githubStars);
    result.github = stars === undefined ? { url: repo } : { url: repo, stars };
  }
  const comments = count(item.numComments);
  if (comments !== undefined) result.comments = comments;
  const summary = text(paper.ai_summary, normalize);
  if (summary) result.summary = summary;
  if (typeof paper.projectPage === 'string') addLink(result.links, paper.projectPage.trim());
  return result;
}

/** Abstract paragraphs with arXiv's hard wraps joined, as the plain shape gives them. */
function toAbstract(summary: string, normalize: Normalize): string {
  // Without a line break there is one paragraph and nothing to join.
  if (!summary.includes('\n')) return unwrapLatexUrls(normalize(summary));
  const paragraphs = summary
    .split(PARAGRAPH_BREAK)
    .map((paragraph) => normalize(paragraph.replace(/\s*\n\s*/g, ' ')))
    .filter((paragraph) => paragraph !== '');
  return unwrapLatexUrls(paragraphs.join('\n\n'));
}

function addLink(links: Link[], url: string): void {
  if (!/^https?:\/\/\S+$/.test(url) || links.some((link) => link.url === url)) return;
  links.push({ url, kind: classifyUrl(url) });
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function field(item: Json, key: string, inner: string): unknown {
  const value = item[key];
  return isObject(value) ? value[inner] : undefined;
}

function text(value: unknown, normalize: Normalize): string | undefined {
  if (typeof value !== 'string') return undefined;
  const normalized = normalize(oneSpaced(value));
  return normalized === '' ? undefined : normalized;
}

/** Every run of whitespace as one space; most values have none to change, and are returned as they are. */
function oneSpaced(value: string): string {
  return /[^\S ]| {2}/.test(value) ? value.replace(/\s+/g, ' ') : value;
}

function count(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;
}

function dayOf(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const day = value.slice(0, 10);
  return isIsoDate(day) ? day : undefined;
}

function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * The line each element of the top-level array (or object) starts on (none listed when all are on
 * line 1). Strings, which hold most
 * of the bytes, are jumped over to their closing quote, and line breaks are counted only up to
 * each element's start: two native searches instead of a look at every character.
 */
function elementLines(text: string): number[] {
  // Compact JSON: every element starts before the first line break (on line 1, the default).
  const firstBreak = text.indexOf('\n');
  if (firstBreak === -1 || firstBreak > Math.max(text.lastIndexOf('{'), text.lastIndexOf('['))) return [];
  const starts: number[] = [];
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 34) i = closingQuote(text, i);
    else if (code === 91 || code === 123) {
      if (depth === 1) starts.push(i);
      depth++;
    } else if (code === 93 || code === 125) depth--;
  }
  const lines: number[] = [];
  let line = 1;
  let newline = text.indexOf('\n');
  for (const start of starts) {
    while (newline !== -1 && newline < start) {
      line++;
      newline = text.indexOf('\n', newline + 1);
    }
    lines.push(line);
  }
  return lines;
}

/** Where the string opened at `open` ends (a quote after an even run of backslashes), or the text's end. */
function closingQuote(text: string, open: number): number {
  for (let quote = text.indexOf('"', open + 1); quote !== -1; quote = text.indexOf('"', quote + 1)) {
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === 92) backslashes++;
    if (backslashes % 2 === 0) return quote;
  }
  return text.length;
}
