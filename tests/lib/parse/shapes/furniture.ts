/** What must never reach a title, an abstract or a summary: the page's and the cards' furniture. */
import { expect } from 'vitest';
import type { ScrapedPaper } from '../../../../src/lib/parse/scraped-paper';

const FURNITURE: [string, RegExp][] = [
  ['a Markdown link', /\]\(/],
  ['a reference label', /\[\d+\]/],
  ['an author count', /\b\d+ authors?\b/],
  ['a middle dot', /·/],
  ['a login URL', /huggingface\.co\/login/],
  ['Subscribe', /\bSubscribe\b/],
  ['a Markdown image', /!\[/],
  ['a Markdown escape or hard break', /\\[\\ _\-.[\]]|\\$/m],
  ['an upvote button', /\[-\]/],
];

/** Asserts that no paper's text holds any furniture, naming the first offender. */
export function expectNoFurniture(papers: readonly ScrapedPaper[]): void {
  expect(papers.length).toBeGreaterThan(0);
  const found: string[] = [];
  for (const paper of papers) {
    for (const [field, text] of [
      ['title', paper.title],
      ['abstract', paper.abstract],
      ['summary', paper.summary ?? ''],
    ] as const) {
      for (const [what, pattern] of FURNITURE) {
        if (pattern.test(text))
          found.push(`${what} in the ${field} of line ${paper.line}: ${text.slice(0, 80)}`);
      }
      if (text !== text.trim() || /\s{2}/.test(text.replace(/\n\n/g, ' '))) {
        found.push(`unnormalized whitespace in the ${field} of line ${paper.line}`);
      }
    }
  }
  expect(found).toEqual([]);
}
