/**
 * The Markdown shape: a listing page (daily, date, search or trending) as firecrawl, jina-style
 * readers, crawlers or html-to-Markdown converters write it. Titles are headings or links to
 * `/papers/<id>`; links may be inline or reference-style, wrapped over lines or not; a wrapper
 * (a `# Web source` header, jina's `URL Source:` lines, a fenced block) may surround the page.
 */
import type { ProblemList } from '../../problems';
import { lineNormalizer, splitLines } from '../../text/normalize';
import type { ShapeResult } from '../scraped-paper';
import { CardAssembler } from './card-assembler';
import { classifyLink, classifyText, paperIdOf, type LinkRole, type TextRole } from './card-furniture';
import {
  inlineText,
  mayHoldInline,
  NO_REFERENCES,
  openBrackets,
  parseInline,
  readReferenceDefinition,
  wholeLineLink,
  withoutHardBreak,
  type InlineLink,
  type InlinePiece,
  type LinkReferences,
} from './inline-markdown';

const FENCE = /^(?:```|~~~)/;
const RULE = /^(?:[-=*_][ \t]*){3,}$/;
const WRAPPER_KEY =
  /^(?:[-*]\s*)?(?:\*\*)?(url|source|url source|retrieved|exported|fetched|scraped|captured|saved)(?:\*\*)?\s*:(?:\*\*)?\s*(\S.*)$/i;
const ISO_DAY = /\d{4}-\d{2}-\d{2}/;
const INDENTED = /^\s/;
const NO_DEFINITION_LINES: ReadonlySet<number> = new Set();

/**
 * Reads a listing page written as Markdown; `lineOffset` maps body lines to file lines.
 * `plainLatin1` is what decoding found of the text (see `lineNormalizer`), when known.
 */
export function parseMarkdown(
  body: string,
  lineOffset: number,
  problems: ProblemList,
  plainLatin1?: boolean,
): ShapeResult {
  const lines = splitLines(body);
  // Every definition holds `]:`: a page without one (most) needs no pass over its lines for them.
  const { references, definitionLines } = body.includes(']:')
    ? collectReferences(lines)
    : { references: NO_REFERENCES, definitionLines: NO_DEFINITION_LINES };
  const cards = new CardAssembler(problems, lineNormalizer(body, plainLatin1));
  const wrapper: { source?: string; retrieved?: string } = {};
  let paragraph: string[] = [];
  let paragraphLine = 0;
  let paragraphLines = 0;
  let cardsStarted = false;

  // Called at every blank line: an empty paragraph is left as it is (no new array).
  const flush = () => {
    if (paragraph.length === 0) return;
    cards.text(paragraph.join(' '), paragraphLine, paragraphLines);
    paragraph = [];
    paragraphLines = 0;
  };

  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const trimmed = raw.trim();
    const fileLine = i + 1 + lineOffset;
    // Cheap first-character checks keep the regexes off ordinary lines.
    const first = trimmed.charCodeAt(0);
    if (
      trimmed === '' ||
      ((first === 96 || first === 126) && FENCE.test(trimmed)) ||
      (first === 91 && definitionLines.has(i)) ||
      ((first === 45 || first === 61 || first === 42 || first === 95) && RULE.test(trimmed))
    ) {
      flush();
      continue;
    }
    const level = first === 35 ? headingLevel(trimmed) : 0;
    if (level > 0) {
      flush();
      let text = stripClosingHashes(trimmed.slice(headingTextStart(trimmed, level)));
      // A title the scraper wrapped: a second heading line, an indented line, or an open link.
      while (i + 1 < lines.length) {
        const next = lines[i + 1]!;
        const nextTrimmed = next.trim();
        if (nextTrimmed === '') break;
        const nextLevel = headingLevel(nextTrimmed);
        if (nextLevel === level && level >= 3) {
          text += ' ' + stripClosingHashes(nextTrimmed.slice(headingTextStart(nextTrimmed, level)));
        } else if (nextLevel === 0 && (INDENTED.test(next) || openBrackets(text) > 0)) {
          text += ' ' + withoutHardBreak(nextTrimmed);
        } else {
          break;
        }
        i++;
      }
      const whole = wholeLineLink(text);
      const pieces = whole ? [whole] : parseInline(text, references);
      let arxivId: string | undefined;
      let title = '';
      for (const piece of pieces) {
        if (typeof piece === 'string') {
          title += piece;
          continue;
        }
        const role = classifyLink(piece.text, piece.url, piece.image);
        // A paper link's role holds the id its URL gives: the URL is not read again.
        arxivId ??= role.role === 'paper' ? role.arxivId : paperIdOf(piece.url);
        if (role.role === 'paper' || role.role === 'content') title += piece.text;
        else if (role.role === 'fact') cards.fact(role.fact, fileLine);
      }
      if (level >= 3 || arxivId) cardsStarted = true;
      cards.heading(title, arxivId, fileLine, level);
      continue;
    }
    if (!cardsStarted) readWrapperLine(trimmed, wrapper);

    // A link whose text the scraper wrapped over lines is gathered up to its closing bracket.
    let segment = withoutHardBreak(trimmed);
    const startsLink = first === 91;
    // Most lines that start a link are one whole link (a button, a title, an abstract): with no
    // `[` in its URL, none stays open, and the link need not be read again.
    const whole = startsLink ? wholeLineLink(segment) : undefined;
    if (whole && !whole.url.includes('[')) {
      readLinkSegment(whole, fileLine, 1);
      continue;
    }
    let open = startsLink ? openBrackets(segment) : 0;
    const segmentLine = fileLine;
    let spanned = 1;
    if (open > 0) {
      const parts = [segment];
      while (open > 0 && i + 1 < lines.length) {
        const next = lines[i + 1]!.trim();
        if (next === '' || headingLevel(next) > 0) break;
        i++;
        spanned++;
        const part = withoutHardBreak(next);
        parts.push(part);
        open = openBrackets(part, open);
      }
      segment = parts.join(' ');
    }
    if (open > 0 && startsLink) {
      // The copy ends inside a link's text: keep what there is as cut prose.
      flush();
      cards.text(inlineText(parseInline(segment.slice(1), references)), segmentLine, spanned, true);
      continue;
    }
    readSegment(segment, segmentLine, spanned);
  }
  flush();
  const result = cards.finish();
  if (wrapper.source !== undefined || wrapper.retrieved !== undefined) result.wrapper = wrapper;
  return result;

  function readSegment(segment: string, line: number, spanned: number): void {
    const whole = wholeLineLink(segment);
    if (whole) {
      readLinkSegment(whole, line, spanned);
      return;
    }
    if (!mayHoldInline(segment)) {
      readText(segment, classifyText(segment.trim()), line, spanned);
      return;
    }
    const pieces: InlinePiece[] = parseInline(segment, references);
    if (!pieces.some(isLink)) {
      const text = inlineText(pieces);
      readText(text, classifyText(text.trim()), line, spanned);
      return;
    }
    let rest = '';
    let paper: { arxivId: string; text: string } | undefined;
    let onlyPaper = true;
    for (const piece of pieces) {
      if (typeof piece === 'string') {
        rest += piece;
        if (piece.trim() !== '') onlyPaper = false;
        continue;
      }
      const role = classifyLink(piece.text, piece.url, piece.image);
      if (readFurniture(role, line)) continue;
      if (role.role === 'paper' && !paper) {
        paper = role;
        rest += piece.text;
      } else if (role.role === 'content' || role.role === 'paper') {
        onlyPaper = false;
        rest += contentText(piece);
      }
    }
    if (paper && onlyPaper) {
      flush();
      cards.paperLink(paper.text, paper.arxivId, line);
      return;
    }
    const text = rest.trim();
    if (text !== '') readText(text, classifyText(text), line, spanned);
  }

  /** A segment that is one link: what `readSegment`'s loop does with a single piece. */
  function readLinkSegment(link: InlineLink, line: number, spanned: number): void {
    const role = classifyLink(link.text, link.url, link.image);
    if (readFurniture(role, line)) return;
    if (role.role === 'paper') {
      flush();
      cards.paperLink(role.text, role.arxivId, line);
    } else if (role.role === 'content') {
      const text = contentText(link).trim();
      if (text !== '') readText(text, classifyText(text), line, spanned);
    }
  }

  /** A link that is a card fact or a day link ends the paragraph and goes to the card; says whether it was. */
  function readFurniture(role: LinkRole, line: number): boolean {
    if (role.role === 'fact') {
      flush();
      cards.fact(role.fact, line);
      return true;
    }
    if (role.role === 'day') {
      flush();
      cards.dayLinkTo(role.iso);
      return true;
    }
    return false;
  }

  /**
   * Prose continues the open paragraph; anything else is card text (furniture, a title). `role`
   * is how `text`, trimmed, reads: the assembler reuses it when normalizing leaves the text as it is.
   */
  function readText(text: string, role: TextRole, line: number, spanned: number): void {
    if (role.role === 'content') {
      if (paragraph.length === 0) paragraphLine = line;
      paragraph.push(text);
      paragraphLines += spanned;
    } else {
      flush();
      cards.text(text, line, 1, false, role);
    }
  }
}

function isLink(piece: InlinePiece): piece is InlineLink {
  return typeof piece !== 'string';
}

/** A link in prose as text: its text, and its web address unless the text shows it. */
function contentText(link: InlineLink): string {
  return link.url && !link.text.includes(link.url) && /^https?:/.test(link.url)
    ? `${link.text} (${link.url})`
    : link.text;
}

/** Finds link reference definitions anywhere in the page (html-to-Markdown puts them at the end). */
function collectReferences(lines: readonly string[]): {
  references: LinkReferences;
  definitionLines: ReadonlySet<number>;
} {
  const references = new Map<string, string>();
  const definitionLines = new Set<number>();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    let indent = 0;
    while (indent < 3 && line.charCodeAt(indent) === 32) indent++;
    if (line.charCodeAt(indent) !== 91) continue;
    const definition = readReferenceDefinition(line);
    if (definition) {
      if (!references.has(definition.label)) references.set(definition.label, definition.url);
      definitionLines.add(i);
    }
  }
  return { references, definitionLines };
}

/**
 * The level of an ATX heading line (`/^(#{1,6})(?:[ \t]+|$)/`): its count of leading `#`, or 0
 * when the line is no heading. Read by character: it is checked for every line starting with `#`.
 */
function headingLevel(line: string): number {
  let level = 0;
  while (level < 7 && line.charCodeAt(level) === 35) level++;
  if (level === 0 || level > 6) return 0;
  if (level === line.length) return level;
  const after = line.charCodeAt(level);
  return after === 32 || after === 9 ? level : 0;
}

/** Where a heading's text starts: after its `#` marks and the spaces and tabs that follow. */
function headingTextStart(line: string, level: number): number {
  let start = level;
  while (line.charCodeAt(start) === 32 || line.charCodeAt(start) === 9) start++;
  return start;
}

function stripClosingHashes(text: string): string {
  // Only a heading whose last character (before spaces and tabs) is `#` can have closing hashes.
  let end = text.length;
  while (end > 0 && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9)) end--;
  if (end === 0 || text.charCodeAt(end - 1) !== 35) return text.trim();
  return text.replace(/[ \t]+#+[ \t]*$/, '').trim();
}

/** `URL: …`, `Retrieved: 2026-10-02` and the like in a wrapper header before the listing. */
function readWrapperLine(line: string, wrapper: { source?: string; retrieved?: string }): void {
  if (line.length > 300 || !line.includes(':')) return;
  const match = WRAPPER_KEY.exec(line);
  if (!match) return;
  const key = match[1]!.toLowerCase();
  const value = match[2]!.replace(/\*\*/g, '').trim();
  if (key === 'url' || key === 'source' || key === 'url source') {
    if (/^https?:\/\/(?:www\.)?(?:huggingface\.co|hf\.co)\//i.test(value))
      wrapper.source ??= value.split(/\s/)[0];
  } else {
    const day = ISO_DAY.exec(value)?.[0];
    if (day) wrapper.retrieved ??= day;
  }
}
