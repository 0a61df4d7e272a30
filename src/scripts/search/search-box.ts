/**
 * The header search box on every page: `/` focuses it; focusing it starts the search worker
 * (nothing of the index loads before); typing shows the best matches under it, Arrow keys move
 * through them, Enter opens one or, from the box, the full /search/ page; Escape closes.
 */
import { routes, url } from '../../site/url';
import { enableArrowKeys, renderResults } from './render-results';
import { SearchClient } from './search-client';

/** Matches shown under the box; the search page shows more. */
const BOX_LIMIT = 6;

function isEditable(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

function init(form: HTMLFormElement): void {
  const input = form.querySelector<HTMLInputElement>('input[type="search"]')!;
  const panel = form.querySelector<HTMLElement>('[data-search-panel]')!;
  const status = panel.querySelector<HTMLElement>('[data-search-status]')!;
  const list = panel.querySelector<HTMLElement>('[data-search-list]')!;
  const all = panel.querySelector<HTMLAnchorElement>('[data-search-all]')!;

  // A search box may not carry aria-expanded (only a combobox may); the panel's status line announces results.
  const open = (visible: boolean) => {
    panel.hidden = !visible;
  };
  const client = new SearchClient((request, response, error) => {
    if (request.query !== input.value) return;
    if (!response) {
      status.textContent = `Search failed to load (${error ?? 'unknown error'}).`;
      list.replaceChildren();
    } else {
      renderResults(list, response.results, true);
      status.textContent =
        response.results.length === 0
          ? `No papers match “${request.query.trim()}”.`
          : `${Math.max(response.total, response.results.length).toLocaleString('en-US')} matching papers`;
    }
    list.dataset.query = request.query;
    open(true);
  });

  input.addEventListener('focus', () => client.warm());
  input.addEventListener('input', () => {
    const query = input.value;
    all.href = `${url(routes.search())}?${new URLSearchParams({ q: query })}`;
    if (!query.trim()) {
      open(false);
      list.replaceChildren();
      return;
    }
    client.search({ query, filters: {}, limit: BOX_LIMIT });
  });
  form.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || panel.hidden) return;
    open(false);
    input.focus();
  });
  form.addEventListener('focusout', (event) => {
    if (!form.contains(event.relatedTarget as Node | null)) open(false);
  });
  input.addEventListener('focus', () => {
    if (input.value.trim() && list.childElementCount > 0) open(true);
  });
  enableArrowKeys(input, panel);

  document.addEventListener('keydown', (event) => {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || isEditable(event.target))
      return;
    event.preventDefault();
    input.focus();
    input.select();
  });
}

const form = document.querySelector<HTMLFormElement>('form[data-search-box]');
if (form) init(form);
