/** Optional YAML front matter at the top of a day file, read with gray-matter. */
import matter from 'gray-matter';
import { isoDateFromYaml } from '../dates';
import type { DayFrontMatter } from '../schema';
import type { ProblemList } from '../problems';

/** The front matter's fields and the body after it, with how many lines the front matter took. */
export interface SplitFrontMatter {
  data: DayFrontMatter;
  body: string;
  /** Lines before the body, so body line numbers can be reported as file line numbers. */
  lineOffset: number;
  /**
   * The day a scraping wrapper says it fetched the page (`retrieved:`, `exported:`): not the
   * featured day, but it gives a date line without a year its year.
   */
  retrieved?: string;
}

const RETRIEVED_KEYS = ['retrieved', 'exported', 'fetched', 'scraped', 'captured'] as const;

const OPENING = /^(?:\ufeff)?---[ \t]*\r?\n/;

const FLAT_LINE = /^([A-Za-z_][\w-]*):[ \t]+(?:"([^"\\]*)"|([\w./?=%&+,()~@$-][\w ./?=%&+,()~@$:-]*))[ \t]*$/;
const YAML_WORDS = new Set(['null', '~', 'true', 'false', 'yes', 'no', 'on', 'off']);
const YAML_TIMESTAMP_WITH_TIME = /^\d{4}-\d{1,2}-\d{1,2}[Tt ]/;

/**
 * Front matter that is only `key: value` lines of plain or double-quoted text, read without a YAML
 * parser (scrapers write such blocks; js-yaml costs more than the rest of a small day file).
 * `undefined` for anything else, which gray-matter then reads. Values YAML would read differently
 * from their text (times of day, which YAML turns into instants) also go to gray-matter.
 */
function readFlatYaml(block: string): Record<string, unknown> | undefined {
  const lines = block.split(/\r?\n/);
  const data: Record<string, unknown> = {};
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '' || /^---[ \t]*$/.test(line)) continue;
    const match = FLAT_LINE.exec(line);
    if (!match) return undefined;
    const value = match[2] ?? match[3]!;
    if (
      match[3] !== undefined &&
      (value.includes(': ') || YAML_TIMESTAMP_WITH_TIME.test(value) || YAML_WORDS.has(value.toLowerCase()))
    ) {
      return undefined;
    }
    data[match[1]!] = value;
  }
  return data;
}

/** Splits off and reads front matter; a file without it is all body. Bad front matter is reported. */
export function splitFrontMatter(text: string, problems: ProblemList): SplitFrontMatter {
  const opening = OPENING.exec(text);
  if (!opening) return { data: {}, body: text, lineOffset: 0 };
  const close = /\r?\n---[ \t]*(?:\r?\n|$)/.exec(text.slice(opening[0].length - 1));
  if (!close) {
    problems.error(1, 'front matter opened with `---` is never closed by a `---` line');
    return { data: {}, body: text, lineOffset: 0 };
  }
  const end = opening[0].length - 1 + close.index + close[0].length;
  const block = text.slice(0, end);
  const lineOffset = block.split('\n').length - (block.endsWith('\n') ? 1 : 0);
  let raw: Record<string, unknown>;
  try {
    // Passing options turns off gray-matter's cache, which would keep every file's text alive.
    raw = readFlatYaml(block) ?? matter(block.replace(/^\ufeff/, ''), {}).data;
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    problems.error(1, `front matter is not valid YAML: ${reason}`);
    return { data: {}, body: text.slice(end), lineOffset };
  }
  const data: DayFrontMatter = {};
  if (raw.date !== undefined) {
    const date = isoDateFromYaml(raw.date);
    if (date) data.date = date;
    else problems.error(1, `front matter date "${String(raw.date)}" is not a YYYY-MM-DD day`);
  }
  if (typeof raw.source === 'string') data.source = raw.source;
  // Scraping tools name the page's URL `url`.
  else if (typeof raw.url === 'string' && /^https?:\/\//.test(raw.url)) data.source = raw.url;
  const scraped = raw.scraped_at;
  if (scraped instanceof Date) data.scraped_at = scraped.toISOString();
  else if (typeof scraped === 'string') data.scraped_at = scraped;
  const result: SplitFrontMatter = { data, body: text.slice(end), lineOffset };
  for (const key of RETRIEVED_KEYS) {
    const value = raw[key];
    const day = isoDateFromYaml(typeof value === 'string' ? value.trim().slice(0, 10) : value);
    if (day) {
      result.retrieved = day;
      break;
    }
  }
  return result;
}
