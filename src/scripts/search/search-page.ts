/**
 * The /search/ page: the query and filters live in the URL (`?q=…&topic=…&from=…&to=…`), so a
 * search can be linked and Back returns to the previous one. The URL is written once typing
 * pauses (at once on Enter, and before a click leaves the page): every URL change makes the
 * browser fetch the page's icon again, work a keystroke should not wait behind. Typing updates
 * the current history entry; a new entry starts once a search was submitted or left alone for a
 * moment.
 */
import type { SearchFilters, SearchResponse } from '../../lib/search/engine';
import { enableArrowKeys, renderResults } from './render-results';
import { SearchClient, type SearchRequest } from './search-client';

/** A query left alone this long gets its own history entry. */
const SETTLE_MS = 1000;

/** Typing paused this long writes the query to the URL. */
const URL_DELAY_MS = 300;

interface PageState {
  q: string;
  topic: string;
  from: string;
  to: string;
}

const FIELDS = ['q', 'topic', 'from', 'to'] as const;

function init(form: HTMLFormElement): void {
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const controls = FIELDS.map(
    (name) => form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement,
  );
  const status = document.getElementById('search-status')!;
  const list = document.getElementById('search-results')!;
  const total = Number(form.dataset.total ?? 0);
  const limit = Number(form.dataset.limit ?? 12);

  const readUrl = (): PageState => {
    const params = new URLSearchParams(location.search);
    return {
      q: params.get('q') ?? '',
      topic: params.get('topic') ?? '',
      from: params.get('from') ?? '',
      to: params.get('to') ?? '',
    };
  };
  const readForm = (): PageState => {
    const [q, topic, from, to] = controls.map((control) => control.value);
    return { q: q!, topic: topic!, from: from!, to: to! };
  };
  const writeForm = (state: PageState) => {
    controls.forEach((control, index) => (control.value = state[FIELDS[index]!]));
  };
  const urlOf = (state: PageState): string => {
    const params = new URLSearchParams();
    for (const name of FIELDS) if (state[name]) params.set(name, state[name]);
    const query = params.toString();
    return `${location.pathname}${query ? `?${query}` : ''}`;
  };

  const paint = (request: SearchRequest, response: SearchResponse | undefined, error?: string) => {
    if (!response) {
      status.textContent = `Search failed to load (${error ?? 'unknown error'}). Reload the page to try again.`;
      list.replaceChildren();
    } else {
      renderResults(list, response.results);
      status.textContent = describe(request, response);
    }
    list.dataset.query = request.query;
  };
  const client = new SearchClient(paint);
  client.warm();

  const run = (state: PageState) => {
    const filters: SearchFilters = {};
    if (state.topic) filters.topic = state.topic;
    if (state.from) filters.from = state.from;
    if (state.to) filters.to = state.to;
    if (!state.q.trim() && !state.topic && !state.from && !state.to) {
      list.replaceChildren();
      list.dataset.query = state.q;
      status.textContent = `Type to search ${total.toLocaleString('en-US')} papers by title, abstract, topic, author or arXiv id.`;
      return;
    }
    client.search({ query: state.q, filters, limit });
  };

  let settled = true;
  let settleTimer: ReturnType<typeof setTimeout> | undefined;
  let urlTimer: ReturnType<typeof setTimeout> | undefined;
  const writeUrl = () => {
    clearTimeout(urlTimer);
    urlTimer = undefined;
    const target = urlOf(readForm());
    if (target !== `${location.pathname}${location.search}`) {
      if (settled) history.pushState(null, '', target);
      else history.replaceState(null, '', target);
      settled = false;
    }
    clearTimeout(settleTimer);
    settleTimer = setTimeout(() => (settled = true), SETTLE_MS);
  };
  const update = () => {
    run(readForm());
    clearTimeout(urlTimer);
    urlTimer = setTimeout(writeUrl, URL_DELAY_MS);
  };

  form.addEventListener('input', update);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    run(readForm());
    writeUrl();
    settled = true;
  });
  // A result opened before the URL was written: write it first, so Back returns to this search.
  document.addEventListener(
    'click',
    () => {
      if (urlTimer !== undefined) writeUrl();
    },
    { capture: true },
  );
  window.addEventListener('pagehide', () => {
    if (urlTimer !== undefined) writeUrl();
  });
  window.addEventListener('popstate', () => {
    clearTimeout(urlTimer);
    urlTimer = undefined;
    settled = true;
    const state = readUrl();
    writeForm(state);
    run(state);
  });
  enableArrowKeys(input, list);

  const initial = readUrl();
  writeForm(initial);
  run(initial);
}

/** The status line: how many papers matched, or what to try when none did. */
function describe(request: SearchRequest, response: SearchResponse): string {
  const query = request.query.trim();
  const what = query ? `“${query}”` : 'these filters';
  if (response.results.length === 0) {
    return `No papers match ${what}. Check the spelling, use fewer words, or widen the filters.`;
  }
  const shown = response.results.length;
  const count = Math.max(response.total, shown);
  return count > shown
    ? `${count.toLocaleString('en-US')} papers match ${what}; showing the best ${shown}.`
    : `${count.toLocaleString('en-US')} ${count === 1 ? 'paper matches' : 'papers match'} ${what}.`;
}

const form = document.querySelector<HTMLFormElement>('form[data-search-page]');
if (form) init(form);
