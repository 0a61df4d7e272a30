/**
 * The text-with-URLs shape: a page's text where every link's URL stands on its own line after
 * the link's text (NotebookLM source exports). Pairing each URL line with the text before it
 * gives back the links, which are then read like any other listing page's links.
 */
import type { ProblemList } from '../../problems';
import { isPlainAscii, lineNormalizer, splitLines } from '../../text/normalize';
import type { ShapeResult } from '../scraped-paper';
import { CardAssembler } from './card-assembler';
import { classifyLink } from './card-furniture';
import { inlineText, mayHoldInline, parseInline, wholeLineLink } from './inline-markdown';

const BARE_URL = /^https?:\/\/\S+$/;
const HTTP = /^https?:\/\/./;

/**
 * Whether a trimmed line is only a URL ({@link BARE_URL}). In plain Latin-1 text the only white
 * space a line can hold is the space, so a search for it replaces the pattern's scan.
 */
function isBareUrl(line: string, plainLatin1: boolean): boolean {
  return plainLatin1 ? HTTP.test(line) && !line.includes(' ') : BARE_URL.test(line);
}

/**
 * Reads a page exported as text with URLs on their own lines. `plainLatin1` is what decoding
 * found of the text (see `lineNormalizer`), when known.
 */
export function parseTextWithUrls(
  body: string,
  lineOffset: number,
  problems: ProblemList,
  plainLatin1?: boolean,
): ShapeResult {
  const lines = splitLines(body);
  const plain = plainLatin1 ?? isPlainAscii(body);
  const cards = new CardAssembler(problems, lineNormalizer(body, plain));
  // The text line waiting for its URL line, and where it stands (scalars: no object per line).
  let pending: string | undefined;
  let pendingLine = 0;
  let inAbstract = false;

  const readLink = (text: string, url: string, line: number) => {
    const role = classifyLink(text, url, false);
    switch (role.role) {
      case 'fact':
        cards.fact(role.fact, line);
        break;
      case 'day':
        cards.dayLinkTo(role.iso);
        break;
      case 'paper':
        cards.paperLink(role.text, role.arxivId, line);
        break;
      case 'content':
        cards.text(text, line);
        break;
      case 'skip':
        break;
    }
  };
  const flushPending = () => {
    if (pending === undefined) return;
    const text = pending;
    const line = pendingLine;
    pending = undefined;
    // Markdown that survived the export: `[`, a blank line, then `2 authors](url)`.
    if (!mayHoldInline(text)) {
      cards.text(text, line);
      return;
    }
    // What `parseInline` gives first, without its piece list.
    const whole = wholeLineLink(text);
    if (whole) {
      readLink(whole.text, whole.url, line);
      return;
    }
    const pieces = parseInline(text);
    for (const piece of pieces) {
      if (typeof piece !== 'string') {
        readLink(piece.text, piece.url, line);
        return;
      }
    }
    cards.text(inlineText(pieces), line);
  };

  for (let i = 0; i < lines.length; i++) {
    // The assembler normalizes what it keeps; here trimming is enough to tell lines apart.
    const text = lines[i]!.trim();
    if (text === '') continue;
    const line = i + 1 + lineOffset;
    if (text.charCodeAt(0) === 104 && isBareUrl(text, plain)) {
      const linkText = pending ?? '';
      const linkLine = pending === undefined ? line : pendingLine;
      pending = undefined;
      inAbstract = false;
      readLink(linkText, text, linkLine);
      continue;
    }
    if (pending === '[') {
      pending = `[${text}`;
      continue;
    }
    flushPending();
    pending = text;
    pendingLine = line;
    if (text.length > 200) inAbstract = true;
  }
  if (pending !== undefined && inAbstract) {
    // The copy ends in a card's text before its closing URL: keep it, cut.
    cards.text(pending, pendingLine, 2, true);
    pending = undefined;
  }
  flushPending();
  return cards.finish();
}
