/**
 * Results as DOM: built with `createElement` and `textContent` only, so scraped titles and
 * abstracts show as text whatever they contain. Matched words are wrapped in `<mark>`.
 */
import type { SearchResult } from '../../lib/search/engine';
import type { Segment } from '../../lib/search/snippet';
import { routes, url } from '../../site/url';

function appendSegments(parent: HTMLElement, segments: readonly Segment[]): void {
  for (const segment of segments) {
    if (segment.hit) {
      const mark = document.createElement('mark');
      mark.textContent = segment.text;
      parent.append(mark);
    } else {
      parent.append(document.createTextNode(segment.text));
    }
  }
}

const DAY_FORMAT = new Intl.DateTimeFormat('en-US', {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
});

/** A day as `May 30, 2025`, read as UTC so it never shifts with the reader's time zone. */
function formatDay(day: string): string {
  return DAY_FORMAT.format(new Date(`${day}T00:00:00Z`));
}

/** One result: title linking to the paper page, days, topics, snippet. */
export function renderResult(result: SearchResult, compact = false): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'search-result';
  const heading = document.createElement(compact ? 'p' : 'h2');
  heading.className = 'search-result-title';
  const link = document.createElement('a');
  link.href = url(routes.paper(result.id));
  link.className = 'search-result-link';
  appendSegments(link, result.title);
  heading.append(link);
  item.append(heading);

  const meta = document.createElement('p');
  meta.className = 'search-result-meta';
  result.dates.forEach((day, index) => {
    if (index > 0) meta.append(document.createTextNode(', '));
    const time = document.createElement('time');
    time.dateTime = day;
    time.textContent = formatDay(day);
    meta.append(time);
  });
  if (result.topics.length > 0) {
    meta.append(document.createTextNode(' · '));
    result.topics.forEach((topic, index) => {
      if (index > 0) meta.append(document.createTextNode(', '));
      const chip = document.createElement('span');
      chip.className = 'search-result-topic';
      chip.textContent = topic.name;
      meta.append(chip);
    });
  }
  item.append(meta);

  if (!compact || result.snippet.some((segment) => segment.hit)) {
    const text = document.createElement('p');
    text.className = 'search-result-snippet';
    appendSegments(text, result.snippet);
    item.append(text);
  }
  return item;
}

/** Replaces `list`'s children with the results, in one DOM update. */
export function renderResults(list: HTMLElement, results: readonly SearchResult[], compact = false): void {
  const fragment = document.createDocumentFragment();
  for (const result of results) fragment.append(renderResult(result, compact));
  list.replaceChildren(fragment);
}

/**
 * Arrow keys move focus between the search input and the result links of `container`
 * (Down from the input enters the list, Up from the first link returns); Enter on a link
 * opens it, as links do.
 */
export function enableArrowKeys(input: HTMLInputElement, container: HTMLElement): void {
  const handler = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const links = [
      ...container.querySelectorAll<HTMLAnchorElement>('a.search-result-link, a.search-all-link'),
    ];
    if (links.length === 0) return;
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (event.target === input) {
      if (event.key !== 'ArrowDown') return;
      event.preventDefault();
      links[0]!.focus();
      return;
    }
    if (at < 0) return;
    event.preventDefault();
    if (event.key === 'ArrowDown') links[Math.min(at + 1, links.length - 1)]!.focus();
    else if (at === 0) input.focus();
    else links[at - 1]!.focus();
  };
  input.addEventListener('keydown', handler);
  container.addEventListener('keydown', handler);
}
