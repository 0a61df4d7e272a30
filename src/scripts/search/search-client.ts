/**
 * The page's side of the search worker. The worker is created on first use (focus on the box,
 * or the search page opening), never on a plain page load. One search runs at a time and only
 * the newest input waits behind it, so fast typing skips stale queries instead of queueing them.
 */
import type { SearchFilters, SearchResponse } from '../../lib/search/engine';
import type { WorkerReply, WorkerRequest } from './search.worker';

/** What the page asks for. */
export interface SearchRequest {
  query: string;
  filters: SearchFilters;
  limit: number;
}

/** Runs searches in the worker and hands each finished one to `onResult`, newest input only. */
export class SearchClient {
  private worker?: Worker;
  private nextId = 1;
  private busy = false;
  private pending?: SearchRequest;
  private latest?: SearchRequest;
  private readonly onResult: (
    request: SearchRequest,
    response: SearchResponse | undefined,
    error?: string,
  ) => void;

  constructor(
    onResult: (request: SearchRequest, response: SearchResponse | undefined, error?: string) => void,
  ) {
    this.onResult = onResult;
  }

  private start(): Worker {
    if (!this.worker) {
      this.worker = new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module' });
      this.worker.onmessage = (event: MessageEvent<WorkerReply>) => this.receive(event.data);
    }
    return this.worker;
  }

  /** Starts the worker and fetches the index's meta record, ahead of the first query. */
  warm(): void {
    if (this.worker) return;
    this.start().postMessage({ id: 0, warm: true } satisfies WorkerRequest);
  }

  /** Searches; a search already running finishes first, then only the newest request runs. */
  search(request: SearchRequest): void {
    this.latest = request;
    if (this.busy) {
      this.pending = request;
      return;
    }
    this.send(request);
  }

  private current?: { id: number; request: SearchRequest };

  private send(request: SearchRequest): void {
    this.busy = true;
    const id = this.nextId++;
    this.current = { id, request };
    this.start().postMessage({ id, ...request } satisfies WorkerRequest);
  }

  private receive(reply: WorkerReply): void {
    if (reply.id === 0 || reply.id !== this.current?.id) return;
    const { request } = this.current;
    this.busy = false;
    const next = this.pending;
    this.pending = undefined;
    if (next) this.send(next);
    if (request === this.latest) this.onResult(request, reply.response, reply.error);
  }
}
