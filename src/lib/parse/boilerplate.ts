/**
 * The Daily Papers page's own furniture, which scrapes copy along with the papers and which
 * must never become a title. Compared after normalization, case-insensitively.
 */
const BOILERPLATE_LINES = new Set(
  [
    'new',
    'get trending papers in your email inbox!',
    'get trending papers in your email inbox once a day!',
    'get trending papers in your email inbox',
    'subscribe',
    'by ak and the research community',
    'byak and the research community',
    'daily papers',
    'daily',
    'weekly',
    'monthly',
    'trending papers',
    'trending',
    'previous',
    'next',
    // Listing-page furniture that Markdown and text exports keep.
    'trending papers ranked by github stars activity',
    'daily papers - hugging face',
    'system theme',
    'log in',
    'sign up',
  ].map((line) => line.toLowerCase()),
);

/** The lengths furniture lines have: other lines are told apart without a lowercase copy. */
const BOILERPLATE_LENGTHS = new Set([...BOILERPLATE_LINES].map((line) => line.length));

/** Whether a normalized line is page furniture rather than content. */
export function isBoilerplate(line: string): boolean {
  return BOILERPLATE_LENGTHS.has(line.length) && BOILERPLATE_LINES.has(line.toLowerCase());
}
