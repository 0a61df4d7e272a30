/**
 * The parts of a paper's card (see src/components/PaperList.astro) that are the same on every
 * page listing the paper: worked out once per paper, since a paper is listed on its day, its
 * topics' pages and maybe the home page.
 */
import type { Paper } from '../lib/schema';
import { excerpt, plural } from './format';

/** A card's author line and abstract excerpt (plain text, escaped when rendered); undefined when the paper has none. */
export interface CardText {
  authors: string | undefined;
  excerpt: string | undefined;
}

const cards = new WeakMap<Paper, CardText>();

/** The card text of `paper`: up to three authors (else the author count) and the start of the abstract. */
export function cardText(paper: Paper): CardText {
  let text = cards.get(paper);
  if (!text) {
    const { authors, authorCount, abstract } = paper;
    text = {
      authors: authors?.length
        ? authors.length > 3
          ? `${authors.slice(0, 3).join(', ')} et al.`
          : authors.join(', ')
        : authorCount
          ? plural(authorCount, 'author')
          : undefined,
      excerpt: abstract !== '' ? excerpt(abstract) : undefined,
    };
    cards.set(paper, text);
  }
  return text;
}
