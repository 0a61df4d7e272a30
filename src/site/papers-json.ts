/** `/papers.json`: every paper record, in order of first appearance, as the schema defines it. */
import type { Paper } from '../lib/schema';

/** The file's name at the site's root. */
export const PAPERS_JSON = 'papers.json';

/** Papers per piece of {@link papersJsonPieces}. */
const PIECE = 1000;

/**
 * The file's body in pieces that join to `JSON.stringify(papers)`: the whole corpus as one string
 * (and its UTF-8 copy) would cost some 160 MB at 40,000 papers.
 */
export function* papersJsonPieces(papers: readonly Paper[]): Generator<string> {
  if (!papers.length) {
    yield '[]';
    return;
  }
  for (let start = 0; start < papers.length; start += PIECE) {
    const piece = papers.slice(start, start + PIECE).map((paper) => JSON.stringify(paper));
    yield `${start === 0 ? '[' : ','}${piece.join(',')}${start + PIECE >= papers.length ? ']' : ''}`;
  }
}

/** The file's body. */
export function papersJson(papers: readonly Paper[]): string {
  return [...papersJsonPieces(papers)].join('');
}
