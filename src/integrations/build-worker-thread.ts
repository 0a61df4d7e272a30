/**
 * The build worker's thread (see ./build-worker.ts). On the build's second core it reads the
 * content folder, as the main thread does, and derives in turn what the pages wait for: each
 * paper's topics, then related papers (posted as soon as each is ready). Once the main thread says
 * where (after Astro has emptied the output folder) it writes `/papers.json`, then builds and
 * writes the search index, and reports how many index files it wrote.
 */
import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { assignTopics } from '../lib/topics/assign-topics';
import { findRelated, readSiteContent, withTopics } from '../site/data';
import { PAPERS_JSON, papersJsonPieces } from '../site/papers-json';
import { SEARCH_INDEX_DIR, searchIndexFiles } from '../site/search-index-files';

/** What the integration starts the worker with. */
export interface BuildWorkerData {
  contentDir: string;
}

/** The message that lets the worker write: the build's output folder. */
export interface WriteMessage {
  outDir: string;
}

/** What the worker posts, in this order. */
export type BuildWorkerMessage =
  | { kind: 'topics'; topicsByPaper: ReturnType<typeof assignTopics> }
  | { kind: 'related'; related: ReturnType<typeof findRelated> }
  | { kind: 'written'; files: number };

const port = parentPort!;
const post = (message: BuildWorkerMessage) => port.postMessage(message);
const outDir = new Promise<string>((resolve) => {
  port.once('message', (message: WriteMessage) => resolve(message.outDir));
});

const { contentDir } = workerData as BuildWorkerData;
const content = readSiteContent(contentDir);
const topicsByPaper = assignTopics(content.papers, content.topics);
post({ kind: 'topics', topicsByPaper });
post({ kind: 'related', related: findRelated(content) });

const out = await outDir;
// Astro empties the output folder but creates it only when it writes the first page.
mkdirSync(out, { recursive: true });
const papersFile = openSync(join(out, PAPERS_JSON), 'w');
for (const piece of papersJsonPieces(content.papers)) writeSync(papersFile, piece);
closeSync(papersFile);
const files = searchIndexFiles(withTopics(content, topicsByPaper));
const root = join(out, SEARCH_INDEX_DIR);
const made = new Set<string>();
for (const [path, body] of files) {
  const file = join(root, path);
  const folder = dirname(file);
  if (!made.has(folder)) {
    mkdirSync(folder, { recursive: true });
    made.add(folder);
  }
  writeFileSync(file, body);
}
post({ kind: 'written', files: files.size });
