/** `/papers.json`: every paper record, in order of first appearance, as the schema defines it. */
import type { Paper } from '../lib/schema';

/** The file's name at the site's root. */
export const PAPERS_JSON = 'papers.json';

/** The file's body. */
export function papersJson(papers: readonly Paper[]): string {
  return JSON.stringify(papers);
}
