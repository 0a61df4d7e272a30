/**
 * The content layer: one custom loader that reads the content folder through src/lib, prints the
 * build's summary line, reports warnings and fails the build on error-level problems. It stores
 * light day records only; pages take the full data from src/site/data.ts, computed once and
 * shared with this loader, so the corpus is never serialized into the content store or copied
 * per page.
 */
import { defineCollection } from 'astro:content';
import type { Loader, LoaderContext } from 'astro/loaders';
import { z } from 'astro/zod';
import { countProblems, formatProblem } from './lib/problems';
import { contentDir } from './site/content-dir';
import { siteContent } from './site/data';
import { plural } from './site/format';

const daySummarySchema = z.object({
  date: z.iso.date(),
  files: z.array(z.string()),
  paperCount: z.number().int().nonnegative(),
  /**
   * `astro dev` only: how many times the content was reloaded. Astro's dev server refreshes its
   * cached page paths (and open pages) only when the store changes, which a renamed paper or an
   * edited abstract alone would not do.
   */
  revision: z.number().int().nonnegative().optional(),
});

/**
 * Loads the content folder, reports its problems, and stores one light record per day (with
 * `revision` when the dev server reloads it).
 */
async function syncContent(
  { store, logger, parseData, generateDigest }: LoaderContext,
  revision?: number,
): Promise<void> {
  const dir = contentDir();
  const data = siteContent(dir, true);
  const counts = countProblems(data.problems);
  for (const problem of data.problems) {
    if (problem.level === 'warning') logger.warn(formatProblem(problem));
  }
  if (counts.error > 0) {
    const errors = data.problems.filter((problem) => problem.level === 'error').map(formatProblem);
    throw new Error(`${counts.error} error(s) in ${dir}:\n${errors.join('\n')}`);
  }
  store.clear();
  for (const day of data.days) {
    const record = {
      date: day.date,
      files: day.files,
      paperCount: day.paperIds.length,
      ...(revision === undefined ? {} : { revision }),
    };
    store.set({
      id: day.date,
      data: await parseData({ id: day.date, data: record }),
      digest: generateDigest(record),
    });
  }
  logger.info(
    [
      plural(data.days.length, 'day'),
      plural(data.papers.length, 'paper'),
      plural(data.topics.length, 'topic'),
      plural(counts.warning, 'warning'),
    ].join(', '),
  );
}

/** Dev-server watchers already listening, so a reload never adds a second listener. */
const watched = new WeakSet<object>();

const digestLoader: Loader = {
  name: 'paper-digest',
  async load(context) {
    await syncContent(context);
    // `astro dev`: a changed day or topic file reloads everything (the pages read the same memo).
    const { watcher } = context;
    if (!watcher || watched.has(watcher)) return;
    watched.add(watcher);
    const dir = contentDir();
    watcher.add(dir);
    // One reload per burst of changes (an editor's save, `digest add`), not one per file event.
    let pending: ReturnType<typeof setTimeout> | undefined;
    let revision = 0;
    watcher.on('all', (_event, path) => {
      if (!path.startsWith(dir)) return;
      clearTimeout(pending);
      pending = setTimeout(() => {
        syncContent(context, ++revision).catch((error: unknown) => context.logger.error(String(error)));
      }, 100);
    });
  },
};

export const collections = {
  days: defineCollection({ loader: digestLoader, schema: daySummarySchema }),
};
