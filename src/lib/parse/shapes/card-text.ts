/** Normalizing the lines of one listing page, with what is known of the page's text settled once. */
import { normalizeLine } from '../../text/normalize';

/**
 * The cheapest function that gives `normalizeLine`'s result for every line of `body`. When the
 * text is plain Latin-1 (no character beyond U+00FF, no tab, vertical tab, form feed, no-break
 * space or soft hyphen; see `DecodedText`), no line holds a character normalization rewrites,
 * NFC leaves Latin-1 as it is, and lines hold no line breaks: only spaces are collapsed and trimmed.
 * `plainLatin1` is what the decoder found, when it is known; otherwise the text is checked here.
 */
export function cardTextNormalizer(body: string, plainLatin1?: boolean): (line: string) => string {
  return (plainLatin1 ?? isPlainAscii(body)) ? collapseSpaces : normalizeLine;
}

/** Whether `text` is ASCII without tabs, vertical tabs or form feeds (so plain Latin-1). */
export function isPlainAscii(text: string): boolean {
  return (
    Buffer.byteLength(text, 'utf8') === text.length &&
    !text.includes('\t') &&
    !text.includes('\v') &&
    !text.includes('\f')
  );
}

/**
 * Runs of spaces to one, trimmed; the line returned as it is when there is nothing to do. This is
 * `normalizeLine` for a line of plain Latin-1 text without line breaks.
 */
export function collapseSpaces(line: string): string {
  return line.includes('  ') || line.charCodeAt(0) === 32 || line.charCodeAt(line.length - 1) === 32
    ? line.replace(/ {2,}/g, ' ').trim()
    : line;
}
