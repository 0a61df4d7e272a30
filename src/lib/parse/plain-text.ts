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

interface Paragraph {
  text: string;
  line: number;
}

/** Reads the plain shape from a file's body; `lineOffset` maps its lines back to file lines. */
export function parsePlainText(body: string, lineOffset: number, problems: ProblemList): ShapeResult {
  const normalizeLine = lineNormalizer(body);
  const normalized = splitLines(body).map((line, index) => {
    if (line.length > MAX_LINE_LENGTH) {
      problems.error(
        index + 1 + lineOffset,
        `line is ${line.length.toLocaleString('en-US')} characters long, more than any title or abstract ` +
          `(limit ${MAX_LINE_LENGTH.toLocaleString('en-US')}): is this the page's text?`,
      );
      return '';
    }
    return normalizeLine(line);
  });
  const { dateLine, bodyStart } = readHeader(normalized, lineOffset, problems);
  const paragraphs = toParagraphs(normalized, bodyStart, lineOffset);
  return { papers: assemblePapers(paragraphs, problems), dateLine };
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

/** Groups consecutive non-blank lines into paragraphs, joining hard-wrapped lines with a space. */
function toParagraphs(lines: string[], start: number, lineOffset: number): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let parts: string[] = [];
  let first = 0;
  const flush = () => {
    if (parts.length > 0) paragraphs.push({ text: parts.join(' '), line: first + 1 + lineOffset });
    parts = [];
  };
  for (let i = start; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') {
      flush();
    } else {
      if (parts.length === 0) first = i;
      parts.push(line);
    }
  }
  flush();
  // Trailing furniture (`Subscribe`, `Previous`) at the end of a copy is not a paper.
  while (paragraphs.length > 0 && isBoilerplate(paragraphs[paragraphs.length - 1]!.text)) paragraphs.pop();
  return paragraphs;
}

const SENTENCE_END = /\.["'’”)\]]?$/;
const ABBREVIATION_END = /\b(?:et al|etc|vs|Inc|Ltd|Co|Jr|Dr|No|Vol)\.$/;
const SENTENCE_BREAK = /[a-z0-9)\]%][.!?] +[A-Z]/g;

/** Whether a paragraph reads as abstract prose rather than a title. */
export function looksLikeAbstract(text: string): boolean {
  if (text.includes('://')) return true;
  // Both end patterns match at most 7 characters: testing the tail spares a scan of the text.
  const tail = text.length > 8 ? text.slice(-8) : text;
  if (SENTENCE_END.test(tail) && !ABBREVIATION_END.test(tail)) return true;
  const breaks = text.match(SENTENCE_BREAK)?.length ?? 0;
  return breaks >= 2 || (breaks >= 1 && text.length > 200);
}

/** Walks the paragraphs: a title-like paragraph starts a paper, abstract-like ones extend it. */
function assemblePapers(paragraphs: Paragraph[], problems: ProblemList): ScrapedPaper[] {
  const papers: ScrapedPaper[] = [];
  let current: { title: string; line: number; abstract: string[]; rejected: boolean } | undefined;

  const finish = () => {
    if (!current || current.rejected) return;
    const abstract = current.abstract.join('\n\n');
    if (abstract === '') {
      problems.warn(current.line, `"${excerpt(current.title)}" has no abstract: published with an empty one`);
    }
    papers.push({ title: current.title, abstract, line: current.line, links: extractLinks(abstract) });
  };

  for (const paragraph of paragraphs) {
    const text = unwrapLatexUrls(paragraph.text);
    if (looksLikeAbstract(text)) {
      if (current) current.abstract.push(text);
      else {
        problems.error(
          paragraph.line,
          `text without a title: "${excerpt(text)}" (each paper needs a title line before its abstract)`,
        );
      }
      continue;
    }
    finish();
    const rejected = text.length > MAX_TITLE_LENGTH;
    if (rejected) {
      problems.error(
        paragraph.line,
        `title is ${text.length.toLocaleString('en-US')} characters long (limit ${MAX_TITLE_LENGTH}): ` +
          `"${excerpt(text)}" is not a title; check this part of the file`,
      );
    }
    current = { title: text, line: paragraph.line, abstract: [], rejected };
  }
  finish();
  return papers;
}

/** The first words of a long text, for messages. */
export function excerpt(text: string, max = 60): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
