/**
 * Tells a day file's shape from its content, so no flag is needed. Looks only at the start of
 * the body (the first 64 KB: every shape shows itself in its header and first cards) with
 * plain string searches, never a backtracking scan of the whole file.
 */

import { includesVia } from '../../text/find-text';

/** The input shapes the parser reads. */
export const SHAPES = ['plain', 'markdown', 'urls-text', 'api-json'] as const;
export type ShapeName = (typeof SHAPES)[number];

const SAMPLE = 64 * 1024;
const JSON_START = /^\s*(?:\[\s*(?:\{|\]|$)|\{\s*")/;
const BARE_PAPER_URL = /^https?:\/\/(?:www\.)?huggingface\.co\/papers\/\d{4}\.\d{4,5}\s*$/gm;
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
  const paperUrlLines = includesVia(sample, 'huggingface.co/papers/', '/paper')
    ? countUpTo(sample, BARE_PAPER_URL, 2)
    : 0;
  if (paperUrlLines > 0 && !CARD_HEADING.test(sample)) {
    if (paperUrlLines >= 2 || countUpTo(sample, BARE_URL, 3) >= 3) return 'urls-text';
  }
  if (sample.includes('#') && HEADING.test(sample)) return 'markdown';
  const hinted =
    MARKDOWN_HINTS.some((hint) => sample.includes(hint)) || includesVia(sample, CRAWLER_HEADER, ':');
  if (hinted && MARKDOWN_SIGNS.test(sample)) return 'markdown';
  return 'plain';
}
