/**
 * The build worker: `astro build` starts a worker thread as soon as the config is read, and it
 * works on the second core while the main thread reads the content, bundles and renders pages.
 * It derives each paper's topics and related papers (pages await them through
 * src/site/build-worker-results.ts), and writes the files that need no page rendering:
 * `/papers.json` (the whole corpus as one string, tens of megabytes) and the static search index
 * (some 40,000 small JSON files that cost more as Astro endpoint pages than the rest of a build).
 * The build waits for the worker before it ends. `astro dev` serves both from injected routes.
 */
import { readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration } from 'astro';
import type { RelatedPaper } from '../lib/related/related-papers';
import type { TopicMatch } from '../lib/topics/assign-topics';
import { offerWorkerResults } from '../site/build-worker-results';
import { contentDir } from '../site/content-dir';
import { PAPERS_JSON } from '../site/papers-json';
import { SEARCH_INDEX_DIR } from '../site/search-index-files';
import type { BuildWorkerData, BuildWorkerMessage, WriteMessage } from './build-worker-thread';

/** The worker, running, and what it promises. */
interface Running {
  worker: Worker;
  topicsByPaper: Promise<Map<string, TopicMatch[]>>;
  related: Promise<Map<string, RelatedPaper[]>>;
  written: Promise<number>;
}

/** A promise with its settle functions, settled by the worker's messages. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // Reported where it is awaited; not an unhandled rejection meanwhile.
  promise.catch(() => {});
  return { promise, resolve, reject };
}

/**
 * Old-generation heap the worker may use, in MB: {@link HEAP_PER_INPUT_MB} times the size of the
 * day files. V8 otherwise lets a heap grow far past what it holds alive; the worker's live data
 * peaks (while the search index is built) at about 5 times the input, and it runs while the
 * main thread renders, so its slack would add to the build's peak memory. 8x leaves room for
 * denser content than the benchmark corpus.
 */
function workerHeapMb(dir: string): number {
  let bytes = 0;
  const daily = join(dir, 'daily');
  try {
    for (const name of readdirSync(daily, { recursive: true, encoding: 'utf8' })) {
      bytes += statSync(join(daily, name)).size;
    }
  } catch {
    // No daily folder: the content loader reports it.
  }
  return Math.max(MIN_HEAP_MB, Math.ceil((bytes / 2 ** 20) * HEAP_PER_INPUT_MB));
}

/** See {@link workerHeapMb}. */
const HEAP_PER_INPUT_MB = 8;
const MIN_HEAP_MB = 256;

function startWorker(root: URL): Running {
  // The worker runs this project's TypeScript through tsx, as `npm run digest` does.
  const tsx = pathToFileURL(createRequire(root).resolve('tsx')).href;
  const workerData: BuildWorkerData = { contentDir: contentDir() };
  const heapMb = workerHeapMb(workerData.contentDir);
  const worker = new Worker(new URL('src/integrations/build-worker-thread.ts', root), {
    workerData,
    execArgv: ['--import', tsx],
    resourceLimits: { maxOldGenerationSizeMb: heapMb },
  });
  // A build that fails before the end must not wait for the worker.
  worker.unref();
  const topicsByPaper = deferred<Map<string, TopicMatch[]>>();
  const related = deferred<Map<string, RelatedPaper[]>>();
  const written = deferred<number>();
  worker.on('message', (message: BuildWorkerMessage) => {
    if (message.kind === 'topics') topicsByPaper.resolve(message.topicsByPaper);
    else if (message.kind === 'related') related.resolve(message.related);
    else written.resolve(message.files);
  });
  const fail = (error: unknown) => {
    for (const pending of [topicsByPaper, related, written]) pending.reject(error);
  };
  worker.once('error', (error: Error & { code?: string }) =>
    fail(
      error.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? new Error(`the build worker ran out of its ${heapMb} MB heap (${HEAP_PER_INPUT_MB}x the day files)`)
        : error,
    ),
  );
  worker.once('exit', (code) => fail(new Error(`the build worker stopped (exit code ${code})`)));
  return {
    worker,
    topicsByPaper: topicsByPaper.promise,
    related: related.promise,
    written: written.promise,
  };
}

/** Starts the build worker in `astro build`; serves its files in `astro dev`. */
export function buildWorker(): AstroIntegration {
  let running: Running | undefined;
  let outDir: string | undefined;
  let released = false;
  return {
    name: 'paper-digest:build-worker',
    hooks: {
      'astro:config:setup': ({ command, config, injectRoute }) => {
        if (command === 'dev') {
          injectRoute({
            pattern: `/${SEARCH_INDEX_DIR}/[...path]`,
            entrypoint: './src/integrations/dev-routes/search-index.ts',
            prerender: true,
          });
          injectRoute({
            pattern: `/${PAPERS_JSON}`,
            entrypoint: './src/integrations/dev-routes/papers-json.ts',
            prerender: true,
          });
        }
        if (command === 'build' && !running) {
          running = startWorker(config.root);
          offerWorkerResults(running);
        }
      },
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
      },
      // Astro empties the output folder before its first build setup: from here on files may go in.
      'astro:build:setup': () => {
        if (!running || released || !outDir) return;
        released = true;
        running.worker.postMessage({ outDir } satisfies WriteMessage);
      },
      'astro:build:done': async ({ logger }) => {
        if (!running) return;
        running.worker.ref();
        const files = await running.written;
        logger.info(`${files.toLocaleString('en-US')} search index files written`);
      },
    },
  };
}
