/**
 * The plain shape: the page's text as a browser copies it (the seed). A header of page furniture,
 * a date line, then per paper a title paragraph and an abstract of one or more paragraphs.
 * Titles are told from abstracts by what they look like, not by counting lines, so hard-wrapped
 * abstracts, abstracts in several paragraphs and titles without an abstract all read correctly.
 */
import { parseDateLine } from '../dates';
import { extractLinks, unwrapLatexUrls } from '../links';
import type { ProblemList } from '../problems';
import { lineNormalizer, splitLines } from '../text/normalize';
import { isBoilerplate } from './boilerplate';
import type { DateLine, ScrapedPaper, ShapeResult } from './scraped-paper';

/** Longest title accepted; real ones stay well under 250 characters. */
export const MAX_TITLE_LENGTH = 300;
/** Longest line accepted; an abstract is a few thousand characters at most. */
export const MAX_LINE_LENGTH = 100_000;
/** Non-blank lines searched for the date line before concluding the page has none. */
const HEADER_SEARCH_LINES = 12;

/**
 * Reads the plain shape from a file's body; `lineOffset` maps its lines back to file lines.
 * `plainLatin1` is what decoding found of the text (see `lineNormalizer`), when known.
 */
export function parsePlainText(
  body: string,
  lineOffset: number,
  problems: ProblemList,
  plainLatin1?: boolean,
): ShapeResult {
  const normalizeLine = lineNormalizer(body, plainLatin1);
  // Normalized in place: a second array of lines per file is garbage the collector must copy.
  const lines = splitLines(body);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.length > MAX_LINE_LENGTH) {
      problems.error(
        i + 1 + lineOffset,
        `line is ${line.length.toLocaleString('en-US')} characters long, more than any title or abstract ` +
          `(limit ${MAX_LINE_LENGTH.toLocaleString('en-US')}): is this the page's text?`,
      );
      lines[i] = '';
    } else {
      lines[i] = normalizeLine(line);
    }
  }
  const { dateLine, bodyStart } = readHeader(lines, lineOffset, problems);
  return { papers: readPapers(lines, bodyStart, lineOffset, problems), dateLine };
}

/** Skips the page furniture and finds the date line; reports unknown lines that are skipped. */
function readHeader(
  lines: string[],
  lineOffset: number,
  problems: ProblemList,
): { dateLine?: DateLine; bodyStart: number } {
  let seen = 0;
  for (let i = 0; i < lines.length && seen < HEADER_SEARCH_LINES; i++) {
    const line = lines[i]!;
    if (line === '') continue;
    seen++;
    const monthDay = parseDateLine(line);
    if (monthDay) {
      for (let j = 0; j < i; j++) {
        const skipped = lines[j]!;
        if (skipped !== '' && !isBoilerplate(skipped)) {
          problems.warn(
            j + 1 + lineOffset,
            `skipped "${excerpt(skipped)}" before the date line: not page furniture we know`,
          );
        }
      }
      return { dateLine: { ...monthDay, line: i + 1 + lineOffset, text: line }, bodyStart: i + 1 };
    }
  }
  let start = 0;
  while (start < lines.length && (lines[start] === '' || isBoilerplate(lines[start]!))) start++;
  return { bodyStart: start };
}

const SENTENCE_END = /\.["'’”)\]]?$/;
const ABBREVIATION_END = /\b(?:et al|etc|vs|Inc|Ltd|Co|Jr|Dr|No|Vol)\.$/;
const SENTENCE_BREAK = /[a-z0-9)\]%][.!?] +[A-Z]/g;

/**
 * Whether a paragraph reads as abstract prose rather than a title, by its sentences; a paragraph
 * holding a URL is prose whatever this says (the caller checks that).
 */
function looksLikeProse(text: string): boolean {
  // Both end patterns match at most 7 characters: testing the tail spares a scan of the text.
  const tail = text.length > 8 ? text.slice(-8) : text;
  if (SENTENCE_END.test(tail) && !ABBREVIATION_END.test(tail)) return true;
  // Two sentence breaks settle it: counted with `test`, not an array of every break.
  let breaks = 0;
  SENTENCE_BREAK.lastIndex = 0;
  while (breaks < 2 && SENTENCE_BREAK.test(text)) breaks++;
  SENTENCE_BREAK.lastIndex = 0;
  return breaks >= 2 || (breaks >= 1 && text.length > 200);
}

/**
 * Reads the papers off the body's lines. Consecutive non-blank lines form a paragraph (hard-wrapped
 * lines joined with a space); a title-like paragraph starts a paper, abstract-like ones extend it.
 * Paragraphs are handled as they end, without a list of them: that list and its objects were a
 * large share of what parsing allocated.
 */
function readPapers(
  lines: string[],
  start: number,
  lineOffset: number,
  problems: ProblemList,
): ScrapedPaper[] {
  const reader = new PaperReader(problems);
  let text: string | undefined;
  let first = 0;
  for (let i = start; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') {
      if (text !== undefined) reader.ended(text, first + 1 + lineOffset);
      text = undefined;
    } else if (text === undefined) {
      text = line;
      first = i;
    } else {
      text = `${text} ${line}`;
    }
  }
  if (text !== undefined) reader.ended(text, first + 1 + lineOffset);
  reader.finish();
  return reader.papers;
}

/**
 * The paper being read and the papers read so far, fed one paragraph at a time. A class rather
 * than closures made per file: each closure is a new function object for the engine to name,
 * call and inline afresh, and these are called once per paragraph.
 */
class PaperReader {
  readonly papers: ScrapedPaper[] = [];
  private title: string | undefined = undefined;
  private titleLine = 0;
  private rejected = false;
  private abstract = '';
  private abstractParagraphs = 0;
  /** Where the abstract first holds `://`, or -1: without one it has no link to look for. */
  private abstractUrlAt = -1;
  /** Page furniture (`Subscribe`, `Previous`) held back: at the end of a copy it is not a paper. */
  private heldBack: { text: string; line: number }[] | undefined = undefined;

  constructor(private readonly problems: ProblemList) {}

  /** Takes the paragraph `text` that starts at file line `line`. */
  ended(text: string, line: number): void {
    if (isBoilerplate(text)) {
      (this.heldBack ??= []).push({ text, line });
      return;
    }
    if (this.heldBack) {
      for (const held of this.heldBack) this.paragraph(held.text, held.line);
      this.heldBack = undefined;
    }
    this.paragraph(text, line);
  }

  /** Publishes the paper being read, if any. */
  finish(): void {
    const { title } = this;
    if (title === undefined || this.rejected) return;
    if (this.abstract === '') {
      this.problems.warn(this.titleLine, `"${excerpt(title)}" has no abstract: published with an empty one`);
    }
    this.papers.push({
      title,
      abstract: this.abstract,
      line: this.titleLine,
      links: this.abstractUrlAt === -1 ? [] : extractLinks(this.abstract, this.abstractUrlAt),
    });
  }

  private paragraph(raw: string, line: number): void {
    const text = unwrapLatexUrls(raw);
    // Searched once here, `://` both marks prose and tells the link search where to start.
    const urlAt = text.indexOf('://');
    if (urlAt !== -1 || looksLikeProse(text)) {
      if (this.title !== undefined) {
        const offset = this.abstractParagraphs === 0 ? 0 : this.abstract.length + 2;
        if (urlAt !== -1 && this.abstractUrlAt === -1) this.abstractUrlAt = offset + urlAt;
        this.abstract = this.abstractParagraphs++ === 0 ? text : `${this.abstract}\n\n${text}`;
      } else {
        this.problems.error(
          line,
          `text without a title: "${excerpt(text)}" (each paper needs a title line before its abstract)`,
        );
      }
      return;
    }
    this.finish();
    this.rejected = text.length > MAX_TITLE_LENGTH;
    if (this.rejected) {
      this.problems.error(
        line,
        `title is ${text.length.toLocaleString('en-US')} characters long (limit ${MAX_TITLE_LENGTH}): ` +
          `"${excerpt(text)}" is not a title; check this part of the file`,
      );
    }
    this.title = text;
    this.titleLine = line;
    this.abstract = '';
    this.abstractParagraphs = 0;
    this.abstractUrlAt = -1;
  }
}

/** The first words of a long text, for messages. */
export function excerpt(text: string, max = 60): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
