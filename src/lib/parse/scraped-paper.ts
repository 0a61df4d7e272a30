/** What a shape parser reads off one paper card on one page, before days are merged. */
import type { Link } from '../schema';

/** One paper as one scraped page showed it. Optional fields come only from richer shapes. */
export interface ScrapedPaper {
  /** Title, normalized; never empty. */
  title: string;
  /** Abstract paragraphs joined by a blank line; empty when the page showed none. */
  abstract: string;
  /** 1-based line of the title in the file. */
  line: number;
  /** URLs found in the abstract or on the card, typed. */
  links: Link[];
  arxivId?: string;
  authors?: string[];
  authorCount?: number;
  upvotes?: number;
  organization?: string;
  publishedAt?: string;
  github?: { url: string; stars?: number };
  comments?: number;
  summary?: string;
}

/** A page's date line as found in the text, before the year is known. */
export interface DateLine {
  month: number;
  day: number;
  year?: number;
  /** 1-based line number of the date line. */
  line: number;
  /** The line as written, for messages. */
  text: string;
}

/** What a shape parser returns for one file's body. */
export interface ShapeResult {
  papers: ScrapedPaper[];
  dateLine?: DateLine;
}
