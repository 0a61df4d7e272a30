/** Text formatting for pages: fixed English names so output never depends on the build machine's locale. */

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** `2025-05-30` as `30 May 2025`. */
export function formatDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${Number(day)} ${MONTHS[Number(month) - 1]} ${year}`;
}

/** `2025-05` (or a full day) as `May 2025`. */
export function formatMonth(iso: string): string {
  const [year, month] = iso.split('-');
  return `${MONTHS[Number(month) - 1]} ${year}`;
}

/** `1 paper`, `3 papers`. */
export function plural(count: number, word: string): string {
  return `${count.toLocaleString('en-US')} ${word}${count === 1 ? '' : 's'}`;
}

/** The first `max` characters of a text, cut at a word, with an ellipsis when cut. */
export function excerpt(text: string, max = 240): string {
  // Only the start matters: flattening a whole abstract per card is wasted work at 40,000 papers.
  const flat = text
    .slice(0, max * 2)
    .replace(/\s+/g, ' ')
    .trim();
  if (flat.length <= max && text.length <= max * 2) return flat;
  const cut = flat.lastIndexOf(' ', max);
  return `${flat.slice(0, cut > max / 2 ? cut : max).replace(/[\s.,;:]+$/, '')}…`;
}

/** `11300` as `11.3k`, as Hugging Face shows stars. */
export function compactNumber(value: number): string {
  if (value < 1000) return String(value);
  return `${(Math.round(value / 100) / 10).toString()}k`;
}
