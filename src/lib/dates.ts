/** Reading the page's date line (`May 30`, `Mar 25, 2026`) and working with ISO days. */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DATE_LINE =
  /^(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?$/i;

/** A month and day as the page prints them, with the year when the line carries one. */
export interface MonthDay {
  readonly month: number;
  readonly day: number;
  readonly year?: number;
}

/** Reads a date line such as `May 30`, `Sept 3` or `Oct 7, 2024`; `undefined` when the line is not one. */
export function parseDateLine(line: string): MonthDay | undefined {
  if (line.length > 20) return undefined;
  const match = DATE_LINE.exec(line);
  if (!match) return undefined;
  const month = MONTHS.indexOf(match[1]!.slice(0, 3).toLowerCase()) + 1;
  const day = Number(match[2]);
  const year = match[3] ? Number(match[3]) : undefined;
  if (day < 1 || day > 31) return undefined;
  if (year !== undefined && !isRealDay(year, month, day)) return undefined;
  return year === undefined ? { month, day } : { month, day, year };
}

/** `YYYY-MM-DD` for a year, month and day. */
export function toIsoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Whether the year, month and day name a day that exists (no Feb 30). Years before 100 are not
 * real days here (`Date.UTC` reads them as 19xx, and this has always followed it).
 */
export function isRealDay(year: number, month: number, day: number): boolean {
  if (
    Number.isInteger(year) &&
    year >= 100 &&
    year <= 9999 &&
    Number.isInteger(month) &&
    Number.isInteger(day)
  ) {
    // Counted, without building a Date: this runs for every dated card.
    return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
  }
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Whether `text` is a real `YYYY-MM-DD` day. */
export function isIsoDate(text: string): boolean {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return false;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  return year !== -1 && month !== -1 && day !== -1 && isRealDay(year, month, day);
}

/** The number `count` ASCII digits at `start` spell, or -1 when they are not all digits. */
function digitsAt(text: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** The ISO day a file name carries (`2025-05-30.txt`, `daily-2025-05-30.md`), if any. */
export function isoDateInFileName(path: string): string | undefined {
  const name = path.split(/[\\/]/).pop() ?? '';
  const match = /(?:^|[^\d])(\d{4}-\d{2}-\d{2})(?!\d)/.exec(name);
  return match && isIsoDate(match[1]!) ? match[1] : undefined;
}

/** Reads an ISO day out of front matter, which YAML may already have turned into a Date. */
export function isoDateFromYaml(value: unknown): string | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  if (typeof value === 'string' && isIsoDate(value.trim())) return value.trim();
  return undefined;
}

/** The most recent day with this month and day that is not after `today` (`YYYY-MM-DD`). */
export function mostRecentYear(monthDay: MonthDay, today: string): string {
  let year = Number(today.slice(0, 4));
  for (let tries = 0; tries < 8; tries++, year--) {
    if (!isRealDay(year, monthDay.month, monthDay.day)) continue;
    const iso = toIsoDate(year, monthDay.month, monthDay.day);
    if (iso <= today) return iso;
  }
  throw new Error(`no year found for ${monthDay.month}/${monthDay.day}`);
}
