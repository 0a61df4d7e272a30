/**
 * The hand-over between the build worker (started by src/integrations/build-worker.ts) and the
 * pages that use its results. The integration and the pages are loaded as separate module
 * graphs, so the results are offered on `globalThis` under a registered symbol.
 */
import type { RelatedPaper } from '../lib/related/related-papers';
import type { TopicMatch } from '../lib/topics/assign-topics';

/** What the build worker derives from the content, as it arrives. */
export interface WorkerResults {
  /** Topics of each paper (key paper id), as `assignTopics` gives them. */
  topicsByPaper: Promise<Map<string, TopicMatch[]>>;
  /** Related papers of each paper (key paper id), as `findRelated` gives them. */
  related: Promise<Map<string, RelatedPaper[]>>;
}

const KEY = Symbol.for('paper-digest.build-worker-results');
const holder = globalThis as typeof globalThis & { [KEY]?: WorkerResults };

/** Makes the worker's results available to the pages of this build. */
export function offerWorkerResults(results: WorkerResults): void {
  holder[KEY] = results;
}

/** The build worker's results, when a build worker runs in this process. */
export function workerResults(): WorkerResults | undefined {
  return holder[KEY];
}
