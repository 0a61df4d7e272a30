/**
 * The furniture around a paper card on a Daily Papers page, told from content by its link
 * target and its text: upvote buttons, comment counts, author counts, organisation avatars,
 * GitHub buttons, the previous/next day links. Every shape that carries links shares this.
 */
import { isIsoDate, parseDateLine, type MonthDay } from '../../dates';
import { isBoilerplate } from '../boilerplate';

/** What one piece of card furniture says. `arxivId` ties it to its card wherever it stands. */
export type CardFact =
  | { kind: 'upvotes'; value: number; arxivId?: string }
  | { kind: 'comments'; value: number; arxivId?: string }
  | { kind: 'authors'; count: number; arxivId?: string }
  | { kind: 'github'; url: string; stars?: number }
  | { kind: 'organization'; name: string }
  | { kind: 'published'; date: MonthDay };

/** How a link on a listing page reads. */
export type LinkRole =
  | { role: 'fact'; fact: CardFact }
  /** A link to `/papers/<id>` whose text is a title or an abstract. */
  | { role: 'paper'; arxivId: string; text: string }
  /** A link to a listing day (`Previous`, `Next`): gives the page's year and ends the listing. */
  | { role: 'day'; iso: string }
  /** Page or card furniture that carries nothing: logins, thumbnails, navigation. */
  | { role: 'skip' }
  /** A link inside prose: its text is content. */
  | { role: 'content' };

/** How a line of plain text on a listing page reads. */
export type TextRole =
  | { role: 'fact'; fact: CardFact }
  | { role: 'date'; date: MonthDay }
  | { role: 'skip' }
  | { role: 'content' };

const PAPER_URL =
  /^https?:\/\/(?:www\.)?(?:huggingface\.co|hf\.co)\/papers\/(\d{4}\.\d{4,5})(?:v\d+)?\/?(#community)?(?:[?#].*)?$/i;
const LOGIN_URL = /^https?:\/\/(?:www\.)?huggingface\.co\/(?:login|join)\b/i;
const LOGIN_PAPER = /papers(?:%2F|\/)(\d{4}\.\d{4,5})/i;
const DAY_URL = /^https?:\/\/(?:www\.)?huggingface\.co\/papers\/(?:date|week|month)\/(\d{4}-\d{2}-\d{2})/i;
const GITHUB_URL = /^https?:\/\/(?:www\.)?github\.com\/([\w.-]+)\/([\w.-]+)/i;
const GITHUB_TEXT = /^(?:link:\s*)?github\b\s*([\d.,]+\s*[km]?)?$/i;
const ACCOUNT_URL = /^https?:\/\/(?:www\.)?huggingface\.co\/([A-Za-z0-9][\w.-]*)\/?$/;
const COUNT = /^(\d+(?:[.,]\d+)?)\s*([km]?)$/i;
const DIGITS = /^\d+$/;
const AUTHORS_TEXT = /^(?:-\s*)*(\d+)\s+authors?$/i;
const UPVOTE_PREFIX = '[-]';
const SUBMITTED = /^submitted by\b/i;

/** Site sections that share the account URL pattern but are navigation, not organisations. */
const SITE_SECTIONS = new Set([
  'models',
  'datasets',
  'spaces',
  'docs',
  'papers',
  'pricing',
  'enterprise',
  'storage',
  'login',
  'join',
  'blog',
  'learn',
  'posts',
  'collections',
  'settings',
  'new',
  'search',
  'terms-of-service',
  'privacy',
  'huggingface',
  'tasks',
  'chat',
  'organizations',
]);

/** An account URL that is one of the site's sections: {@link ACCOUNT_URL} with a name in {@link SITE_SECTIONS}, in any case. */
const SECTION_URL = new RegExp(
  `^https?://(?:www\\.)?huggingface\\.co/(?:${[...SITE_SECTIONS].join('|')})/?$`,
  'i',
);

// The roles that carry nothing are shared: every line and link of a page is classified.
const SKIP: { readonly role: 'skip' } = { role: 'skip' };
const CONTENT: { readonly role: 'content' } = { role: 'content' };

/** `101` → 101, `11.3k` → 11300, `-` → 0; `undefined` when the text is not a count. */
export function parseCount(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '-' || trimmed === '') return trimmed === '-' ? 0 : undefined;
  // Plain digits (most counts) are the number they spell: no match object needed.
  if (trimmed.length <= 15 && DIGITS.test(trimmed)) return Number(trimmed);
  const match = COUNT.exec(trimmed);
  if (!match) return undefined;
  const unit = match[2]!.toLowerCase();
  const value = Number(match[1]!.replace(',', unit === '' ? '' : '.'));
  const scale = unit === 'k' ? 1000 : unit === 'm' ? 1_000_000 : 1;
  return Number.isFinite(value) ? Math.round(value * scale) : undefined;
}

/** The canonical `https://github.com/<owner>/<name>` of a GitHub URL, if it names a repository. */
export function githubRepoUrl(url: string): string | undefined {
  const match = GITHUB_URL.exec(url);
  if (!match) return undefined;
  const name = match[2]!.replace(/\.git$/i, '');
  return name === '' ? undefined : `https://github.com/${match[1]}/${name}`;
}

// Anchored patterns rather than `startsWith`: on V8 a `test` of a constant prefix measured two
// to four times quicker, and every link of a page is checked against these.
/** The site's address followed by anything but `p`: no `/papers/` URL (`PAPER_URL` is case-blind). */
const SITE_NOT_PAPERS = /^https:\/\/huggingface\.co\/[^Pp]/;
const PAPER_PREFIX = /^https:\/\/huggingface\.co\/papers\//;
const PAPER_PREFIX_LENGTH = 'https://huggingface.co/papers/'.length;
const LOGIN_PAPER_PREFIX = /^https:\/\/huggingface\.co\/login\?next=%2Fpapers%2F/;
const LOGIN_PAPER_PREFIX_LENGTH = 'https://huggingface.co/login?next=%2Fpapers%2F'.length;
/** What follows a paper's id in the URL of its comments. */
const COMMUNITY = '#community';

/**
 * The arXiv id a login link names (`…/login?next=%2Fpapers%2F<id>`), as {@link LOGIN_PAPER}
 * finds it; the usual form is read directly.
 */
function loginPaperId(url: string): string | undefined {
  if (LOGIN_PAPER_PREFIX.test(url)) {
    const start = LOGIN_PAPER_PREFIX_LENGTH;
    const fraction = arxivIdFraction(url, start);
    if (fraction >= 4) return url.slice(start, start + 5 + Math.min(fraction, 5));
  }
  return LOGIN_PAPER.exec(url)?.[1];
}

/** Whether the URL {@link readPaperUrl} last read as a paper URL is the paper's comments (`#community`). */
let paperUrlCommunity = false;

/**
 * What {@link PAPER_URL} reads from `url`: the arXiv id, with whether the URL is the paper's
 * comments (`#community`) left in `paperUrlCommunity` (a scalar: no object per link); `undefined`
 * when it is no paper URL. The usual forms (`…/papers/<id>`, with `/` or `#community` after it)
 * are read directly, without a match object.
 */
function readPaperUrl(url: string): string | undefined {
  // A card links its title, abstract and authors to the same URL, one after the other: the id
  // read last is given again (the same string, so maps keyed by it need not hash it anew).
  if (url === lastPaperUrl) {
    paperUrlCommunity = lastPaperUrlCommunity;
    return lastPaperId;
  }
  const arxivId = readPaperUrlAfresh(url);
  lastPaperUrl = url;
  lastPaperId = arxivId;
  lastPaperUrlCommunity = paperUrlCommunity;
  return arxivId;
}

/** The URL {@link readPaperUrl} read last, and what it gave. */
let lastPaperUrl = '';
let lastPaperId: string | undefined;
let lastPaperUrlCommunity = false;

/** {@link readPaperUrl} without its memory of the URL read last. */
function readPaperUrlAfresh(url: string): string | undefined {
  paperUrlCommunity = false;
  // On the site's own address, only a path that starts with `p` (any case) can be `/papers/`.
  if (SITE_NOT_PAPERS.test(url)) return undefined;
  if (PAPER_PREFIX.test(url)) {
    const start = PAPER_PREFIX_LENGTH;
    const fraction = arxivIdFraction(url, start);
    if (fraction === 4 || fraction === 5) {
      const end = start + 5 + fraction;
      // After the id: nothing, `/`, `#community` or `/#community`.
      const slash = url.charCodeAt(end) === 47 ? 1 : 0;
      const tail = url.length - end - slash;
      if (tail === 0 || (tail === COMMUNITY.length && url.startsWith(COMMUNITY, end + slash))) {
        paperUrlCommunity = tail !== 0;
        return url.slice(start, end);
      }
    }
  }
  const match = PAPER_URL.exec(url);
  if (!match) return undefined;
  paperUrlCommunity = match[2] !== undefined;
  return match[1]!;
}

/**
 * How many digits follow `YYMM.` (four digits and a dot) at `start` of `text`: an arXiv id there
 * has 4 or 5 of them. -1 when the text at `start` is not four digits and a dot.
 */
export function arxivIdFraction(text: string, start: number): number {
  if (digitsFrom(text, start) !== 4 || text.charCodeAt(start + 4) !== 46) return -1;
  return digitsFrom(text, start + 5);
}

/** How many ASCII digits follow in a row from `start`. */
function digitsFrom(text: string, start: number): number {
  let end = start;
  while (end < text.length && text.charCodeAt(end) >= 48 && text.charCodeAt(end) <= 57) end++;
  return end - start;
}

/** The arXiv id a `/papers/<id>` URL points at. */
export function paperIdOf(url: string): string | undefined {
  return readPaperUrl(url);
}

/** The count {@link AUTHORS_TEXT} reads (`- 8 authors` is 8), found without a match object. */
function authorCount(text: string): number | undefined {
  // Such a text starts with `-` or a digit: titles, abstracts and dates are told apart by that alone.
  const first = text.charCodeAt(0);
  if ((first !== 45 && !isDigit(first)) || !AUTHORS_TEXT.test(text)) return undefined;
  // Only `-` and white space come before the digits.
  let start = 0;
  while (!isDigit(text.charCodeAt(start))) start++;
  return Number(text.slice(start, start + digitsFrom(text, start)));
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/**
 * Whether text starts as {@link GITHUB_TEXT} needs (`g` or `l`, in either case): the pattern is
 * then run only on such link texts, not on every organisation's name.
 */
function startsLikeGithubText(text: string): boolean {
  const lower = text.charCodeAt(0) | 32;
  return lower === 103 || lower === 108;
}

/** Whether text starts with {@link UPVOTE_PREFIX} (`[-]`), read by character. */
function hasUpvotePrefix(text: string): boolean {
  return text.charCodeAt(0) === 91 && text.charCodeAt(1) === 45 && text.charCodeAt(2) === 93;
}

/** Reads one link by where it points and what it says. */
export function classifyLink(rawText: string, url: string, image: boolean): LinkRole {
  // `[-] 19` (an upvote button as text exports write it): the `[-]` goes, and the white space after it.
  const text = (hasUpvotePrefix(rawText) ? rawText.slice(UPVOTE_PREFIX.length) : rawText).trim();
  if (url === '') return text === '' ? SKIP : CONTENT;
  const arxivId = readPaperUrl(url);
  if (arxivId !== undefined) {
    if (paperUrlCommunity) {
      const value = parseCount(text);
      return value === undefined ? SKIP : { role: 'fact', fact: { kind: 'comments', value, arxivId } };
    }
    const count = authorCount(text);
    if (count !== undefined) return { role: 'fact', fact: { kind: 'authors', count, arxivId } };
    if (text === '' || (image && text.length < 3)) return SKIP;
    return { role: 'paper', arxivId, text };
  }
  if (LOGIN_URL.test(url)) {
    const arxivId = loginPaperId(url);
    const value = parseCount(text);
    if (arxivId && value !== undefined) return { role: 'fact', fact: { kind: 'upvotes', value, arxivId } };
    return SKIP;
  }
  const day = DAY_URL.exec(url);
  if (day && isIsoDate(day[1]!)) return { role: 'day', iso: day[1]! };
  const github = startsLikeGithubText(text) ? GITHUB_TEXT.exec(text) : null;
  if (github) {
    const repo = githubRepoUrl(url);
    if (!repo) return SKIP;
    const stars = github[1] ? parseCount(github[1].replace(/\s+/g, '')) : undefined;
    return {
      role: 'fact',
      fact: stars === undefined ? { kind: 'github', url: repo } : { kind: 'github', url: repo, stars },
    };
  }
  if (ACCOUNT_URL.test(url)) {
    if (text === '' || SUBMITTED.test(text) || SECTION_URL.test(url)) return SKIP;
    return { role: 'fact', fact: { kind: 'organization', name: text } };
  }
  if (text === '' || isBoilerplate(text)) return SKIP;
  if (
    /^https?:\/\/(?:www\.)?huggingface\.co\/(?:papers(?:\/trending)?|login|join)?\/?(?:[?#].*)?$/i.test(url)
  ) {
    return SKIP;
  }
  return CONTENT;
}

/**
 * Texts shorter than this are never slices of a page's text (V8 copies them), so caching them
 * keeps no page alive.
 */
const CACHED_TEXT_LENGTH = 13;
/** What {@link parseDateLine} gave for short texts (`false`: no date), cleared when it fills up. */
const dateLines = new Map<string, MonthDay | false>();

/**
 * {@link parseDateLine}, remembered for short texts: a page shows a handful of date lines
 * (`Oct 3`) on many cards. Its days are never changed, so the cards may share them.
 */
function readDateLine(text: string): MonthDay | undefined {
  if (!startsLikeMonth(text)) return undefined;
  if (text.length >= CACHED_TEXT_LENGTH) return parseDateLine(text);
  const known = dateLines.get(text);
  if (known !== undefined) return known || undefined;
  const date = parseDateLine(text);
  if (dateLines.size >= 1024) dateLines.clear();
  dateLines.set(text, date ?? false);
  return date;
}

/**
 * Whether text starts with a letter a month's name can start with (`j f m a s o n d`, in either
 * case), as every date line {@link parseDateLine} reads does: other texts skip its cache.
 */
function startsLikeMonth(text: string): boolean {
  switch (text.charCodeAt(0) | 32) {
    case 97: // a
    case 100: // d
    case 102: // f
    case 106: // j
    case 109: // m
    case 110: // n
    case 111: // o
    case 115: // s
      return true;
    default:
      return false;
  }
}

/** Reads one line of text that carries no link. */
export function classifyText(text: string): TextRole {
  if (text === '' || text === '·' || text === '•' || text === '-' || text === '[' || text === ']') {
    return SKIP;
  }
  if (text.length <= 60) {
    const count = authorCount(text);
    if (count !== undefined) return { role: 'fact', fact: { kind: 'authors', count } };
    const date = readDateLine(text);
    if (date) return { role: 'date', date };
    if (isBoilerplate(text) || SUBMITTED.test(text)) return SKIP;
  }
  return CONTENT;
}
