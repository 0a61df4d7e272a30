/**
 * The search Web Worker: owns the engine and its fetched index files, so ranking never blocks
 * typing. Messages in: `{ id, query, filters, limit }` (or `{ id, warm: true }` to fetch what
 * every query needs early, then warm the engine's code up on a large index until the first
 * query comes); out: `{ id, response }` or `{ id, error }`.
 */
import { SearchEngine, type SearchFilters, type SearchResponse } from '../../lib/search/engine';
import { INDEX_DIR } from '../../lib/search/index-format';
import { WARM_UP_MIN_PAPERS, warmUpEngine } from '../../lib/search/warm-up';

/** A request to the worker. */
export interface WorkerRequest {
  id: number;
  warm?: boolean;
  query?: string;
  filters?: SearchFilters;
  limit?: number;
}

/** The worker's answer to request `id`. */
export interface WorkerReply {
  id: number;
  response?: SearchResponse;
  error?: string;
}

const root = `${import.meta.env.BASE_URL.replace(/\/+$/, '')}/${INDEX_DIR}/`;

const engine = new SearchEngine(async (path) => {
  // The meta record names the current index folder: revalidate it, keep the rest cached.
  const response = await fetch(`${root}${path}`, path === 'meta.json' ? { cache: 'no-cache' } : {});
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.json();
});

/** Whether a query has come: the warm-up stops then, to leave the worker to it. */
let queried = false;

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const { id, warm, query = '', filters = {}, limit = 10 } = event.data;
  try {
    if (warm) {
      await engine.warm();
      self.postMessage({ id } satisfies WorkerReply);
      if ((await engine.meta()).docCount >= WARM_UP_MIN_PAPERS) await warmUpEngine(() => queried);
      return;
    }
    queried = true;
    const response = await engine.search(query, filters, limit);
    self.postMessage({ id, response } satisfies WorkerReply);
  } catch (error) {
    self.postMessage({ id, error: String(error) } satisfies WorkerReply);
  }
};
