/**
 * Tells a day file's shape from its content, so no flag is needed. Looks only at the start of
 * the body (the first 64 KB: every shape shows itself in its header and first cards) with
 * plain string searches, never a backtracking scan of the whole file.
 */

import { includesVia } from '../../text/find-text';
import { arxivIdFraction } from './card-furniture';

/** The input shapes the parser reads. */
export const SHAPES = ['plain', 'markdown', 'urls-text', 'api-json'] as const;
export type ShapeName = (typeof SHAPES)[number];

const SAMPLE = 64 * 1024;
const JSON_START = /^\s*(?:\[\s*(?:\{|\]|$)|\{\s*")/;
const BARE_URL = /^https?:\/\/\S+\s*$/gm;
const HEADING = /^#{1,6}[ \t]/m;
const CARD_HEADING = /^#{3,6}[ \t]/m;
const MARKDOWN_SIGNS =
  /\]\(https?:\/\/|^ {0,3}\[[^\]\n]+\]:[ \t]*<?https?:\/\/|^(?:```|~~~)|^\*\*URL:\*\*|^Markdown Content:/m;

/** Substrings one of which every match of {@link MARKDOWN_SIGNS} contains. */
const MARKDOWN_HINTS = ['](http', ']:', '```', '~~~', '**URL:**'];
const CRAWLER_HEADER = 'Markdown Content:';

/** How many times a global pattern matches, counting no further than `limit`. */
function countUpTo(text: string, pattern: RegExp, limit: number): number {
  pattern.lastIndex = 0;
  let count = 0;
  while (count < limit && pattern.exec(text)) count++;
  return count;
}

const PAPERS_PATH = 'huggingface.co/papers/';

/**
 * How many lines, counting no further than `limit`, are only the URL of a `/papers/<id>` page
 * (`https://huggingface.co/papers/2505.00001`, trailing white space allowed): the lines
 * `/^https?:\/\/(?:www\.)?huggingface\.co\/papers\/\d{4}\.\d{4,5}\s*$/gm` matches, found from
 * each occurrence of the path rather than by trying the pattern at every line.
 */
function countPaperUrlLines(text: string, limit: number): number {
  let count = 0;
  for (
    let at = text.indexOf(PAPERS_PATH);
    at !== -1 && count < limit;
    at = text.indexOf(PAPERS_PATH, at + 1)
  ) {
    let start = at >= 4 && text.startsWith('www.', at - 4) ? at - 4 : at;
    if (start >= 8 && text.startsWith('https://', start - 8)) start -= 8;
    else if (start >= 7 && text.startsWith('http://', start - 7)) start -= 7;
    else continue;
    if (start > 0 && !isLineTerminator(text.charCodeAt(start - 1))) continue;
    let i = at + PAPERS_PATH.length;
    const fraction = arxivIdFraction(text, i);
    if (fraction !== 4 && fraction !== 5) continue;
    i += 5 + fraction;
    // `\s*$`: white space up to the end of the line (or of the text).
    while (i < text.length && isWhiteSpace(text.charCodeAt(i)) && !isLineTerminator(text.charCodeAt(i))) i++;
    if (i === text.length || isLineTerminator(text.charCodeAt(i))) count++;
  }
  return count;
}

/** Where `^` and `$` of a multiline pattern match: after and before these. */
function isLineTerminator(code: number): boolean {
  return code === 10 || code === 13 || code === 0x2028 || code === 0x2029;
}

const WHITE_SPACE = /\s/;

/** What `\s` matches. */
function isWhiteSpace(code: number): boolean {
  return (
    code === 32 || (code >= 9 && code <= 13) || (code > 127 && WHITE_SPACE.test(String.fromCharCode(code)))
  );
}

/**
 * The shape of a body (front matter already removed):
 * - `api-json`: starts like a JSON array of objects (or an object);
 * - `urls-text`: URLs of `/papers/<id>` pages stand alone on their lines and no card headings;
 * - `markdown`: headings, `](https://` links, reference definitions, a fence or a crawler header;
 * - `plain`: anything else (the page's text as a browser copies it).
 */
export function detectShape(body: string): ShapeName {
  const sample = body.length > SAMPLE ? body.slice(0, SAMPLE) : body;
  if (JSON_START.test(sample)) return 'api-json';
  // Substring checks first: on plain text no pattern matches, and a failing regex scans the whole sample.
  // Card headings rule text with URLs out: looked for first, they spare counting the URL lines.
  const cardHeadings = sample.includes('###') && CARD_HEADING.test(sample);
  const paperUrlLines =
    !cardHeadings && includesVia(sample, PAPERS_PATH, '/paper') ? countPaperUrlLines(sample, 2) : 0;
  if (paperUrlLines > 0) {
    if (paperUrlLines >= 2 || countUpTo(sample, BARE_URL, 3) >= 3) return 'urls-text';
  }
  if (sample.includes('#') && HEADING.test(sample)) return 'markdown';
  const hinted =
    MARKDOWN_HINTS.some((hint) => sample.includes(hint)) || includesVia(sample, CRAWLER_HEADER, ':');
  if (hinted && MARKDOWN_SIGNS.test(sample)) return 'markdown';
  return 'plain';
}
