/**
 * Generates a synthetic multi-year content folder (`daily/` plus a copy of the project's
 * `topics/`) for the parse, site and search benchmarks. Deterministic for a seed.
 *
 *   npx tsx bench/corpus/generate-corpus.ts --papers 40000 --out bench/.corpus/40k [--shape plain] [--seed 1]
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildModel } from './papers';
import { CORPUS_SHAPES, renderDay, SHAPE_EXTENSIONS, type CorpusShape } from './render-shapes';

/** Bumped whenever the output changes, so cached corpora are regenerated. */
export const GENERATOR_VERSION = 3;

const PROJECT_ROOT = resolve(import.meta.dirname, '../..');
/** Where benchmarks keep generated corpora (gitignored). */
export const CORPUS_CACHE = join(PROJECT_ROOT, 'bench/.corpus');

export interface CorpusOptions {
  /** Distinct papers; about 5% more featurings, as some papers return on a later day. */
  papers: number;
  outDir: string;
  shape?: CorpusShape;
  seed?: number;
  /** Average papers per weekday (the real page shows about 40). */
  perDay?: number;
}

/** A word only one paper uses, for search benchmarks. */
export interface SearchTarget {
  word: string;
  title: string;
  arxivId: string;
}

/** What was generated, written to `<outDir>/corpus.json`. */
export interface CorpusManifest {
  generatorVersion: number;
  shape: CorpusShape;
  seed: number;
  /** Distinct papers: what a correct parse and merge yields. */
  papers: number;
  /** Paper cards written, repeats included. */
  featurings: number;
  days: number;
  firstDay: string;
  lastDay: string;
  /** Bytes of the day files. */
  bytes: number;
  topics: number;
  searchTargets: SearchTarget[];
}

/** Writes the corpus; replaces any earlier `daily/` and `topics/` in `outDir`. */
export function generateCorpus(options: CorpusOptions): CorpusManifest {
  const { papers, outDir } = options;
  const shape = options.shape ?? 'plain';
  const seed = options.seed ?? 1;
  if (!Number.isInteger(papers) || papers < 1)
    throw new Error(`papers must be a positive integer, got ${papers}`);
  if (!CORPUS_SHAPES.includes(shape))
    throw new Error(`unknown shape "${shape}" (one of ${CORPUS_SHAPES.join(', ')})`);

  const model = buildModel(papers, seed, options.perDay);
  const dailyDir = join(outDir, 'daily');
  rmSync(dailyDir, { recursive: true, force: true });
  mkdirSync(dailyDir, { recursive: true });
  let bytes = 0;
  let previous: string | undefined;
  for (const day of model.days) {
    const text = renderDay(shape, day, previous);
    writeFileSync(join(dailyDir, `${day.date}.${SHAPE_EXTENSIONS[shape]}`), text);
    bytes += Buffer.byteLength(text);
    previous = day.date;
  }
  const step = Math.max(1, Math.floor(papers / 50));
  const manifest: CorpusManifest = {
    generatorVersion: GENERATOR_VERSION,
    shape,
    seed,
    papers,
    featurings: papers + model.repeats,
    days: model.days.length,
    firstDay: model.days[0]!.date,
    lastDay: model.days[model.days.length - 1]!.date,
    bytes,
    topics: copyTopics(outDir),
    searchTargets: model.papers
      .filter((paper) => paper.index % step === 0)
      .map((paper) => ({ word: paper.name, title: paper.title, arxivId: paper.arxivId })),
  };
  writeFileSync(join(outDir, 'corpus.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/**
 * Copies the project's topic definitions, so the corpus folder works as a CONTENT_DIR.
 * Whatever `content/topics/*.md` exist at run time; returns how many.
 */
export function copyTopics(outDir: string): number {
  const source = join(PROJECT_ROOT, 'content/topics');
  const target = join(outDir, 'topics');
  rmSync(target, { recursive: true, force: true });
  if (!existsSync(source)) return 0;
  const files = readdirSync(source).filter((name) => name.endsWith('.md'));
  mkdirSync(target, { recursive: true });
  for (const file of files) copyFileSync(join(source, file), join(target, file));
  return files.length;
}

/**
 * A cached corpus under bench/.corpus keyed by its parameters: generated on first use, reused
 * after (topics are copied afresh each time, since they change independently).
 */
export function ensureCorpus(options: Omit<CorpusOptions, 'outDir'>): {
  dir: string;
  manifest: CorpusManifest;
} {
  const shape = options.shape ?? 'plain';
  const seed = options.seed ?? 1;
  const perDay = options.perDay ?? 40;
  const dir = join(CORPUS_CACHE, `${shape}-${options.papers}-s${seed}-d${perDay}`);
  const manifestFile = join(dir, 'corpus.json');
  if (existsSync(manifestFile)) {
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as CorpusManifest;
    if (manifest.generatorVersion === GENERATOR_VERSION) {
      manifest.topics = copyTopics(dir);
      return { dir, manifest };
    }
  }
  return { dir, manifest: generateCorpus({ ...options, shape, seed, perDay, outDir: dir }) };
}

function main(): void {
  const { values } = parseArgs({
    options: {
      papers: { type: 'string', default: '40000' },
      out: { type: 'string' },
      shape: { type: 'string', default: 'plain' },
      seed: { type: 'string', default: '1' },
      'per-day': { type: 'string', default: '40' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help || !values.out) {
    console.log(
      'usage: npx tsx bench/corpus/generate-corpus.ts --out DIR [--papers 40000] ' +
        `[--shape ${CORPUS_SHAPES.join('|')}] [--seed 1] [--per-day 40]`,
    );
    process.exit(values.help ? 0 : 2);
  }
  const started = performance.now();
  const manifest = generateCorpus({
    papers: Number(values.papers),
    outDir: values.out,
    shape: values.shape as CorpusShape,
    seed: Number(values.seed),
    perDay: Number(values['per-day']),
  });
  const { searchTargets: _targets, ...summary } = manifest;
  console.log(
    JSON.stringify({ ...summary, outDir: values.out, seconds: (performance.now() - started) / 1000 }),
  );
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) main();
