/** What a shape parser reads off one paper card on one page, before days are merged. */
import type { MonthDay } from '../dates';
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
  /** arXiv id, from a `/papers/<id>` link on the card. */
  arxivId?: string;
  /** Author names in order. */
  authors?: string[];
  /** Number of authors (`12 authors`). */
  authorCount?: number;
  /** Upvotes shown on the card (`-` is 0). */
  upvotes?: number;
  /** Organisation the card credits. */
  organization?: string;
  /** Publication day, `YYYY-MM-DD`, when the shape gives it with its year. */
  publishedAt?: string;
  /** Publication day as the card shows it (`May 29` or `Mar 3, 2024`); the day file settles the year. */
  publishedOn?: MonthDay;
  /** GitHub repository and its stars. */
  github?: { url: string; stars?: number };
  /** Comment count shown on the card. */
  comments?: number;
  /** The machine-written one-sentence summary a card shows instead of the abstract. */
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
  /** The page's own date line; `year` is set when the text settles it (a "previous day" link). */
  dateLine?: DateLine;
  /** A trending page: it has no date of its own, so one must be given. */
  trending?: boolean;
  /** A day the content suggests (the API's `submittedOnDailyAt`), used only when nothing else gives one. */
  dateHint?: { iso: string; line: number; text: string };
  /** What a wrapper header inside the body (`# Web source`, jina's `URL Source:`) says about the page. */
  wrapper?: { source?: string; retrieved?: string };
}
