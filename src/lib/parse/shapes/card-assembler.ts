/**
 * Builds papers from the pieces a listing page shows, whatever shape carried them: a title
 * starts a card; prose after it is the abstract (or, on trending pages, the one-sentence AI
 * summary); furniture sets the card's fields. Furniture tied to an arXiv id (upvote buttons
 * before the title, comment counts after it) goes to the card with that id wherever it stands.
 */
import { toIsoDate, isRealDay, type MonthDay } from '../../dates';
import { extractLinks, unwrapLatexUrls } from '../../links';
import type { ProblemList } from '../../problems';
import { normalizeLine } from '../../text/normalize';
import { isBoilerplate } from '../boilerplate';
import { excerpt, MAX_TITLE_LENGTH } from '../plain-text';
import type { Link } from '../../schema';
import type { DateLine, ScrapedPaper, ShapeResult } from '../scraped-paper';
import { classifyText, type CardFact, type TextRole } from './card-furniture';

interface Paragraph {
  text: string;
  /** Source lines it spanned: a summary is one unwrapped line. */
  lines: number;
}

interface Card {
  title: string;
  line: number;
  /** In the card's literal even when absent: one object shape for every card. */
  arxivId: string | undefined;
  /** Made with the first paragraph: most cards have one, given whole by `paperLink`. */
  paragraphs: Paragraph[] | undefined;
  /** The abstract came as a link's text: later prose is not part of it. */
  closed: boolean;
  cut: boolean;
  /**
   * Where the card's facts start in the page's list of card facts: they run to where the next
   * card's start (a card takes facts only while it is the current one).
   */
  factsFrom: number;
}

// AI summaries are one sentence: a sentence end followed by a capital, a digit or a bracketed
// tag (`[RET]`) means prose of several.
const SENTENCE_BREAK = /[.!?]["'’”)]? +[\p{Lu}\p{N}[]/u;
const SENTENCE_END = /\p{L}{2}[.!?]["'’”)]?(?= |$)/gu;

/** Whether text reads as more than one sentence (then it is an abstract, not an AI summary). */
function severalSentences(text: string): boolean {
  if (SENTENCE_BREAK.test(text)) return true;
  SENTENCE_END.lastIndex = 0;
  return SENTENCE_END.exec(text) !== null && SENTENCE_END.exec(text) !== null;
}

/**
 * A paper as a card gives it. A class rather than an object literal: V8 keeps room inside each
 * instance for the fields set after it is made (arxivId, upvotes, publishedOn...), which a
 * literal would store in a separate array it grows field by field.
 */
class CardPaper implements ScrapedPaper {
  constructor(
    public title: string,
    public abstract: string,
    public line: number,
    public links: Link[],
  ) {}
}

/** The furniture tied to one arXiv id. */
interface IdFacts {
  facts: CardFact[];
  /** Where it was first seen, to report it if no card has that id. */
  line: number;
  /** Whether a card has that id (set when the page is finished). */
  titled: boolean;
}

/** Collects one page's cards in reading order. */
export class CardAssembler {
  private readonly cards: Card[] = [];
  private current: Card | undefined;
  private readonly factsById = new Map<string, IdFacts>();
  /** The facts of every card, card after card (see `Card.factsFrom`): one list per page, not one per card. */
  private readonly cardFacts: CardFact[] = [];
  private dateLine: DateLine | undefined;
  private dayLink: string | undefined;
  private mentionsTrending = false;
  private ended = false;

  /**
   * `normalize` is `normalizeLine` or a cheaper function that gives the same result for every
   * line of this page (see `lineNormalizer`).
   */
  constructor(
    private readonly problems: ProblemList,
    private readonly normalize: (line: string) => string = normalizeLine,
  ) {}

  /** A heading: a card's title, unless it is page furniture. */
  heading(rawText: string, arxivId: string | undefined, line: number, level: number): void {
    if (this.ended) return;
    const text = this.normalize(rawText);
    if (text === '' || isBoilerplate(text) || (level <= 2 && !arxivId)) {
      this.noteHeader(text);
      return;
    }
    this.startCard(text, arxivId, line);
  }

  /** The text of a link to `/papers/<id>`: the card's title, or its abstract when the card is open. */
  paperLink(rawText: string, arxivId: string, line: number): void {
    if (this.ended) return;
    const card = this.current;
    if (card && card.arxivId === arxivId && !card.closed) {
      card.paragraphs = [{ text: this.normalize(rawText), lines: 2 }];
      card.closed = true;
      return;
    }
    this.startCard(this.normalize(rawText), arxivId, line);
  }

  /**
   * Prose, or a line of furniture that carries no link (`·`, a date, `- 8 authors`). `rawRole`,
   * when the caller has it, is how `rawText` reads: it spares classifying the text again when
   * normalizing leaves it as it is.
   */
  text(rawText: string, line: number, lines = 1, cut = false, rawRole?: TextRole): void {
    if (this.ended) return;
    const text = this.normalize(rawText);
    const role = rawRole !== undefined && text === rawText ? rawRole : classifyText(text);
    if (role.role === 'skip') {
      this.noteHeader(text);
      return;
    }
    if (role.role === 'fact') {
      this.fact(role.fact, line);
      return;
    }
    const card = this.current;
    if (role.role === 'date') {
      if (!card) {
        this.dateLine ??= { ...role.date, line, text };
      } else if (!this.hasPublished(card)) {
        this.cardFacts.push({ kind: 'published', date: role.date });
      }
      return;
    }
    if (!card) {
      this.noteHeader(text);
      return;
    }
    if (card.closed) {
      this.problems.warn(
        line,
        `skipped "${excerpt(text)}" after the abstract of "${excerpt(card.title, 40)}": not card furniture we know`,
      );
      return;
    }
    if (card.paragraphs) card.paragraphs.push({ text, lines });
    else card.paragraphs = [{ text, lines }];
    if (cut) {
      card.cut = true;
      card.closed = true;
    }
  }

  /** Card furniture: tied to its arXiv id when it names one, else to the card being read. */
  fact(fact: CardFact, line: number): void {
    if (this.ended) return;
    const arxivId = 'arxivId' in fact ? fact.arxivId : undefined;
    if (arxivId) {
      const tied = this.factsById.get(arxivId);
      if (tied) tied.facts.push(fact);
      else this.factsById.set(arxivId, { facts: [fact], line, titled: false });
    } else if (this.current) {
      this.cardFacts.push(fact);
    }
  }

  /** A link to a listing day: before the cards it dates the page; after them it ends the listing. */
  dayLinkTo(iso: string): void {
    if (this.ended) return;
    this.dayLink ??= iso;
    if (this.current) this.ended = true;
  }

  /** The papers, the page's date line and whether the page is a trending one. */
  finish(): ShapeResult {
    const dateLine = this.dateLine && this.withYearFromDayLink(this.dateLine);
    const trending = !dateLine && this.mentionsTrending;
    const papers: ScrapedPaper[] = [];
    const { cards } = this;
    for (let i = 0; i < cards.length; i++) {
      const card = cards[i]!;
      // Every card with an id counts as titled, even one whose title is then rejected.
      const tied = card.arxivId === undefined ? undefined : this.factsById.get(card.arxivId);
      if (tied) tied.titled = true;
      const factsTo = i + 1 < cards.length ? cards[i + 1]!.factsFrom : this.cardFacts.length;
      const paper = this.toPaper(card, factsTo, trending, tied);
      if (paper) papers.push(paper);
    }
    // `forEach` rather than `for…of` over the entries: no [key, value] array per entry.
    this.factsById.forEach(({ facts, line, titled }, arxivId) => {
      if (titled) return;
      const what = [...new Set(facts.map((fact) => fact.kind))].join(', ');
      this.problems.warn(
        line,
        `${what} for paper ${arxivId}, but no title links to that paper on this page: skipped`,
      );
    });
    const result: ShapeResult = { papers };
    if (dateLine) result.dateLine = dateLine;
    if (trending) result.trending = true;
    return result;
  }

  private noteHeader(text: string): void {
    if (!this.current && /trending papers/i.test(text)) this.mentionsTrending = true;
  }

  private startCard(title: string, arxivId: string | undefined, line: number): void {
    const card: Card = {
      title,
      line,
      arxivId: arxivId || undefined,
      paragraphs: undefined,
      closed: false,
      cut: false,
      factsFrom: this.cardFacts.length,
    };
    this.cards.push(card);
    this.current = card;
  }

  /** A date line without a year takes the year that puts it nearest the previous/next day link. */
  private withYearFromDayLink(dateLine: DateLine): DateLine {
    if (dateLine.year !== undefined || !this.dayLink) return dateLine;
    const linked = Date.parse(this.dayLink);
    const linkedYear = Number(this.dayLink.slice(0, 4));
    let best: number | undefined;
    for (const year of [linkedYear - 1, linkedYear, linkedYear + 1]) {
      if (!isRealDay(year, dateLine.month, dateLine.day)) continue;
      const distance = Math.abs(Date.UTC(year, dateLine.month - 1, dateLine.day) - linked);
      if (
        best === undefined ||
        distance < Math.abs(Date.UTC(best, dateLine.month - 1, dateLine.day) - linked)
      ) {
        best = year;
      }
    }
    return best === undefined ? dateLine : { ...dateLine, year: best };
  }

  /** Whether the current card (the last) has its published day. */
  private hasPublished(card: Card): boolean {
    const facts = this.cardFacts;
    for (let i = card.factsFrom; i < facts.length; i++) if (facts[i]!.kind === 'published') return true;
    return false;
  }

  /** The card's paper, its facts `cardFacts[card.factsFrom, factsTo)`; `undefined` when it has no title. */
  private toPaper(
    card: Card,
    factsTo: number,
    trending: boolean,
    tied: IdFacts | undefined,
  ): ScrapedPaper | undefined {
    if (card.title.length > MAX_TITLE_LENGTH) {
      this.problems.error(
        card.line,
        `title is ${card.title.length.toLocaleString('en-US')} characters long (limit ${MAX_TITLE_LENGTH}): ` +
          `"${excerpt(card.title)}" is not a title; check this part of the file`,
      );
      return undefined;
    }
    const paragraphs = card.paragraphs ?? [];
    const only = paragraphs.length === 1 ? paragraphs[0]! : undefined;
    let paper: ScrapedPaper;
    if (trending && only && only.lines === 1 && !card.cut && !severalSentences(only.text)) {
      paper = new CardPaper(card.title, '', card.line, []);
      paper.summary = only.text;
    } else {
      const abstract = unwrapLatexUrls(only ? only.text : paragraphs.map((p) => p.text).join('\n\n'));
      paper = new CardPaper(card.title, abstract, card.line, extractLinks(abstract));
    }
    if (card.cut) {
      this.problems.warn(
        card.line,
        `the abstract of "${excerpt(card.title)}" is cut off: published as far as the copy goes`,
      );
    } else if (paper.abstract === '' && !paper.summary) {
      this.problems.warn(card.line, `"${excerpt(card.title)}" has no abstract: published with an empty one`);
    }
    if (card.arxivId) {
      paper.arxivId = card.arxivId;
      if (tied) for (const fact of tied.facts) applyFact(paper, fact);
    }
    for (let i = card.factsFrom; i < factsTo; i++) applyFact(paper, this.cardFacts[i]!);
    return paper;
  }
}

function applyFact(paper: ScrapedPaper, fact: CardFact): void {
  switch (fact.kind) {
    case 'upvotes':
      paper.upvotes = fact.value;
      break;
    case 'comments':
      paper.comments = fact.value;
      break;
    case 'authors':
      if (fact.count > 0) paper.authorCount = fact.count;
      break;
    case 'github':
      paper.github = fact.stars === undefined ? { url: fact.url } : { url: fact.url, stars: fact.stars };
      break;
    case 'organization':
      paper.organization ??= normalizeLine(fact.name);
      break;
    case 'published':
      paper.publishedOn = fact.date;
      if (fact.date.year !== undefined)
        paper.publishedAt = isoDay(fact.date.year, fact.date.month, fact.date.day);
      break;
  }
}

/** `YYYY-MM-DD` of a card's publication day once the page's year is known; `undefined` if unreal. */
export function publishedIso(date: MonthDay, pageYear: number): string | undefined {
  const year = date.year ?? pageYear;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const { month } = date;
  // Compared one by one: an array literal here would be built for every dated card.
  const days =
    month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return date.day <= days ? isoDay(year, date.month, date.day) : undefined;
}

/**
 * The `YYYY-MM-DD` strings made so far, by `year * 512 + month * 32 + day`: a page shows a
 * handful of publication days on many cards, which then share one string each rather than every
 * card keeping a copy. Emptied when it fills up.
 */
const isoDays = new Map<number, string>();

function isWholeIn(value: number, lowest: number, highest: number): boolean {
  return Number.isInteger(value) && value >= lowest && value <= highest;
}

/** {@link toIsoDate}, remembered for whole years and real months and days. */
function isoDay(year: number, month: number, day: number): string {
  if (!Number.isInteger(year) || !isWholeIn(month, 1, 12) || !isWholeIn(day, 1, 31)) {
    return toIsoDate(year, month, day);
  }
  const key = year * 512 + month * 32 + day;
  let iso = isoDays.get(key);
  if (iso === undefined) {
    if (isoDays.size >= 4096) isoDays.clear();
    iso = toIsoDate(year, month, day);
    isoDays.set(key, iso);
  }
  return iso;
}
