/**
 * Finding URLs in scraped prose and telling what they point at. Scraped sentences glue
 * punctuation to URLs (`…/bistil.`, `…/Mexa,`, `\url{…}.`): a URL ends before it.
 */
import type { Link, LinkKind } from './schema';

// No word boundary before the scheme: `OIE\url{https://…}` unwraps to `OIEhttps://…`.
// Liberal on purpose; trailing punctuation is trimmed afterwards with bracket balancing.
const URL_PATTERN = /https?:\/\/[^\s<>"'`{}|\\^]+/gi;

/** Replaces LaTeX `\url{…}` (and `\href{url}{text}`'s url part) by the bare URL, as the page shows it. */
export function unwrapLatexUrls(text: string): string {
  if (!hasLatexUrl(text)) return text;
  return text.replace(/\\url\{([^{}\s]*)\}/g, '$1').replace(/\\href\{([^{}\s]*)\}\{([^{}]*)\}/g, '$2 ($1)');
}

/** Whether `text` holds `\url{` or `\href{`: one pass over its backslashes (math has many). */
function hasLatexUrl(text: string): boolean {
  for (let at = text.indexOf('\\'); at !== -1; at = text.indexOf('\\', at + 1)) {
    if (text.startsWith('url{', at + 1) || text.startsWith('href{', at + 1)) return true;
  }
  return false;
}

/**
 * Cuts sentence punctuation (`.,;:!?*'"`) and unbalanced closing brackets off the end of a matched
 * URL. Read back from its end, without a regular expression: nearly every URL ends in a `.` or in
 * no punctuation at all.
 */
export function trimUrl(raw: string): string {
  let end = raw.length;
  for (;;) {
    const before = end;
    while (end > 0 && isTrailingPunctuation(raw.charCodeAt(end - 1))) end--;
    if (raw.charCodeAt(end - 1) === CLOSE_PAREN && count(raw, '(', end) < count(raw, ')', end)) end--;
    if (raw.charCodeAt(end - 1) === CLOSE_BRACKET && count(raw, '[', end) < count(raw, ']', end)) end--;
    if (end === before) return end === raw.length ? raw : raw.slice(0, end);
  }
}

const CLOSE_PAREN = 41;
const CLOSE_BRACKET = 93;

/** `.,;:!?*'"`, the punctuation a sentence glues to a URL, marked by character code. */
const TRAILING_PUNCTUATION = new Uint8Array(128);
for (const ch of `.,;:!?*'"`) TRAILING_PUNCTUATION[ch.charCodeAt(0)] = 1;

function isTrailingPunctuation(code: number): boolean {
  return code < 128 && TRAILING_PUNCTUATION[code] === 1;
}

/** How many times the one-character `ch` occurs in `text` before `end`. */
function count(text: string, ch: string, end: number): number {
  let n = 0;
  for (let at = text.indexOf(ch); at !== -1 && at < end; at = text.indexOf(ch, at + 1)) n++;
  return n;
}

/**
 * Every URL in `text` with its span, in order; spans let a renderer link them in place. `scheme`
 * is where `://` first occurs in `text`, when the caller has found it already.
 */
export function findUrls(
  text: string,
  // `://` first: its rare first character makes that search far quicker than one for `http`,
  // which is then looked for where it usually is, just before the first `://`.
  scheme = text.indexOf('://'),
): { url: string; start: number; end: number }[] {
  if (scheme === -1 || (text.lastIndexOf('http', scheme) === -1 && !text.includes('http', scheme))) return [];
  const found: { url: string; start: number; end: number }[] = [];
  // No URL starts before the first `://` less `https`: the scan starts there.
  URL_PATTERN.lastIndex = Math.max(0, scheme - 'https'.length);
  for (let match = URL_PATTERN.exec(text); match; match = URL_PATTERN.exec(text)) {
    const url = trimUrl(match[0]);
    if (/^https?:\/\/[^/.\s]+\.[^/\s]/i.test(url) || /^https?:\/\/localhost\b/i.test(url)) {
      found.push({ url, start: match.index, end: match.index + url.length });
    }
  }
  return found;
}

/** What a URL points at, read from its host and path. */
export function classifyUrl(url: string): LinkKind {
  // Most links are to GitHub, and after this start the host is GitHub's whatever follows.
  if (url.startsWith('https://github.com/')) return 'code';
  // The next most are to Hugging Face and to GitHub Pages: read without the general checks below.
  if (url.startsWith('https://huggingface.co/')) {
    const path = HUGGING_FACE_PATH.exec(url)?.[1];
    if (path !== undefined && !DOT_SEGMENT.test(path)) return huggingFaceKind(path);
  }
  if (GITHUB_PAGES.test(url)) return 'project';
  const parts = simpleHostAndPath(url) ?? parsedHostAndPath(url);
  if (!parts) return 'other';
  const host = parts.host.replace(/^www\./, '');
  if (host === 'github.com' || host === 'gitlab.com' || host === 'bitbucket.org') return 'code';
  if (host === 'huggingface.co' || host === 'hf.co') return huggingFaceKind(parts.path);
  if (host === 'youtube.com' || host === 'youtu.be' || host === 'vimeo.com' || host === 'm.youtube.com') {
    return 'video';
  }
  if (
    host === 'arxiv.org' ||
    host === 'doi.org' ||
    host === 'aclanthology.org' ||
    host === 'openreview.net'
  ) {
    return 'paper';
  }
  if (host.endsWith('.github.io')) return 'project';
  return 'other';
}

/** What a Hugging Face URL with `path` points at. */
function huggingFaceKind(path: string): LinkKind {
  const segments = path.split('/').filter(Boolean);
  if (segments[0] === 'datasets') return 'dataset';
  if (segments[0] === 'spaces') return 'demo';
  if (segments[0] === 'papers') return 'paper';
  if (segments.length >= 2 && !['docs', 'blog', 'collections', 'organizations'].includes(segments[0]!)) {
    return 'model';
  }
  return 'other';
}

/** A URL's lowercase host name and its path, as the WHATWG URL parser reads them. */
interface HostAndPath {
  host: string;
  path: string;
}

function parsedHostAndPath(url: string): HostAndPath | undefined {
  try {
    const parsed = new URL(url);
    return { host: parsed.hostname.toLowerCase(), path: parsed.pathname };
  } catch {
    return undefined;
  }
}

// `scheme://host/path`, with nothing the URL parser would rewrite: a host of plain labels whose
// last one is a name (a number there makes it an IPv4 address) and none in punycode, no port or
// credentials, and a path of characters kept as they are (no percent escapes) without `.` or
// `..` segments.
const SIMPLE_URL = /^https?:\/\/([a-z0-9-]+(?:\.[a-z0-9-]+)*\.?)((?:\/[\w\-.~!$&'()*+,;=:@]*)*)(?:[?#]|$)/i;
const NAME_LABEL = /(?:^|\.)(?!0x)[a-z0-9-]*[a-z-][a-z0-9-]*\.?$/i;
const PUNYCODE_LABEL = /(?:^|\.)xn--/i;
const DOT_SEGMENT = /\/\.{1,2}(?:\/|$)/;
/** A Hugging Face URL and its path, of the characters `SIMPLE_URL` allows in one. */
const HUGGING_FACE_PATH = /^https:\/\/huggingface\.co((?:\/[\w\-.~!$&'()*+,;=:@]*)+)(?:[?#]|$)/;
/** A GitHub Pages URL whose host is plain lowercase labels, none punycode: the parser keeps it as it is. */
const GITHUB_PAGES = /^https?:\/\/(?:(?!xn--)[a-z0-9-]+\.)+github\.io(?:[/?#]|$)/;

/**
 * {@link parsedHostAndPath} for the URLs scraped text nearly always holds, read without the URL
 * parser (a few microseconds per URL otherwise); `undefined` for any other URL.
 */
export function simpleHostAndPath(url: string): HostAndPath | undefined {
  const match = SIMPLE_URL.exec(url);
  if (!match) return undefined;
  const host = match[1]!;
  const path = match[2]!;
  if (!NAME_LABEL.test(host) || PUNYCODE_LABEL.test(host) || DOT_SEGMENT.test(path)) return undefined;
  return { host: host.toLowerCase(), path: path === '' ? '/' : path };
}

/**
 * The distinct URLs of `text`, typed, in order of first appearance; `scheme` as for
 * {@link findUrls}.
 */
export function extractLinks(text: string, scheme = text.indexOf('://')): Link[] {
  const found = findUrls(text, scheme);
  // Most abstracts have no URL or one: no set is needed to drop repeats then.
  if (found.length <= 1) return found.map(({ url }) => ({ url, kind: classifyUrl(url) }));
  const seen = new Set<string>();
  const links: Link[] = [];
  for (const { url } of found) {
    if (seen.has(url)) continue;
    seen.add(url);
    links.push({ url, kind: classifyUrl(url) });
  }
  return links;
}
