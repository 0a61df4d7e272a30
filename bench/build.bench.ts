/**
 * `npm run bench:build`: the real site built from generated corpora (about 4,000 and 40,000
 * papers) against a bare Astro site with one page per paper (bench/bare-site), each a cold
 * build in a fresh process: wall time, peak RSS, and our/bare ratios. The last line printed is
 * one JSON object with every figure.
 *
 *   npm run bench:build [-- --sizes 4000,40000] [--seed 1] [--only bare|site] [--keep]
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadContent } from '../src/lib/content';
import { ensureCorpus } from './corpus/generate-corpus';
import { measureProcess, type Measured } from './support/measure-process';

const ROOT = resolve(import.meta.dirname, '..');
/** This run's folder: runs started side by side (by other people) must not share outputs. */
const OUT = join(
  ROOT,
  'bench/.out',
  `build-${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}`,
);
const ASTRO = join(ROOT, 'node_modules/astro/bin/astro.mjs');
const MB = 1e6;

/** Goals from the site issue. */
const GOALS = {
  /** At the largest size, ours at most this times the bare site's time and RSS. */
  vsBare: 1.5,
  /** "About linear": time growth at most this times the growth in papers. */
  growthVsLinear: 1.25,
};

interface BuildFigures {
  seconds: number;
  cpuSeconds?: number;
  peakRssMB: number;
  treePeakRssMB: number;
  /** Paper pages written (folders under papers/). */
  paperPages: number;
  exitCode: number;
  log: string;
  /** The site's own summary line, when it printed one. */
  summary?: string;
}

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

function baseEnv(cacheDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ASTRO_CACHE_DIR: cacheDir };
  for (const key of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'BASE_PATH', 'SITE_URL']) delete env[key];
  return env;
}

function countPages(outDir: string): number {
  const papers = join(outDir, 'papers');
  if (!existsSync(papers)) return 0;
  return readdirSync(papers, { withFileTypes: true }).filter(
    (entry) => entry.isDirectory() && existsSync(join(papers, entry.name, 'index.html')),
  ).length;
}

async function build(
  name: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  keep: boolean,
): Promise<BuildFigures> {
  const outDir = join(OUT, `${name}-dist`);
  const cacheDir = env.ASTRO_CACHE_DIR!;
  rmSync(outDir, { recursive: true, force: true });
  rmSync(cacheDir, { recursive: true, force: true });
  const log = join(OUT, `${name}.log`);
  console.log(`building ${name} ...`);
  const measured: Measured = await measureProcess(
    process.execPath,
    [ASTRO, 'build', ...args, '--outDir', outDir],
    { cwd: ROOT, env, logFile: log },
  );
  const output = readFileSync(log, 'utf8');
  const figures: BuildFigures = {
    seconds: round(measured.seconds, 1),
    ...(measured.cpuSeconds !== undefined ? { cpuSeconds: round(measured.cpuSeconds, 1) } : {}),
    peakRssMB: Math.round(measured.peakRssBytes / MB),
    treePeakRssMB: Math.round(measured.treePeakRssBytes / MB),
    paperPages: countPages(outDir),
    exitCode: measured.exitCode,
    log,
  };
  const summary = output.split('\n').find((line) => /\bpapers\b/i.test(line) && /\bdays\b/i.test(line));
  if (summary) figures.summary = summary.trim();
  console.log(
    `  ${name}: ${figures.seconds} s (CPU ${figures.cpuSeconds ?? '?'} s), peak RSS ${figures.peakRssMB} MB (tree ${figures.treePeakRssMB} MB), ` +
      `${figures.paperPages} paper pages, exit ${figures.exitCode}` +
      (measured.exitCode === 0 ? '' : ` - see ${log}:\n${output.split('\n').slice(-25).join('\n')}`),
  );
  if (!keep) {
    rmSync(outDir, { recursive: true, force: true });
    rmSync(cacheDir, { recursive: true, force: true });
  }
  return figures;
}

/**
 * A copy of bench/bare-site under bench/.out: Astro writes generated types into its root's
 * `.astro/`, which must not land among the sources. Node still finds this repo's node_modules.
 */
function bareRoot(): string {
  const root = join(OUT, 'bare-site');
  rmSync(root, { recursive: true, force: true });
  cpSync(join(ROOT, 'bench/bare-site'), root, {
    recursive: true,
    filter: (source) => !source.includes('/.astro'),
  });
  return root;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '4000,40000' },
      seed: { type: 'string', default: '1' },
      only: { type: 'string' },
      keep: { type: 'boolean', default: false },
    },
  });
  const sizes = values.sizes.split(',').map(Number);
  const loadAtStart = round(loadavg()[0]!);
  const seed = Number(values.seed);
  mkdirSync(OUT, { recursive: true });

  const results: Record<
    string,
    { papers: number; inputMB: number; bare?: BuildFigures; site?: BuildFigures }
  > = {};
  for (const size of sizes) {
    const { dir, manifest } = ensureCorpus({ papers: size, seed, shape: 'plain' });
    console.log(
      `corpus ${size}: ${manifest.papers} papers, ${manifest.days} days, ${manifest.topics} topics, ${dir}`,
    );
    const entry: (typeof results)[string] = {
      papers: manifest.papers,
      inputMB: round(manifest.bytes / MB, 1),
    };
    results[size] = entry;

    if (values.only !== 'site') {
      // The bare site renders the same records the real site does: same ids, titles, abstracts.
      const records = loadContent(dir, dir).papers.map(({ id, title, abstract }) => ({
        id,
        title,
        abstract,
      }));
      const json = join(OUT, `bare-${size}.json`);
      writeFileSync(json, JSON.stringify(records));
      const env = { ...baseEnv(join(OUT, `bare-${size}-cache`)), BARE_PAPERS_JSON: json };
      entry.bare = await build(`bare-${size}`, ['--root', bareRoot()], env, values.keep);
      if (!values.keep) rmSync(json);
    }
    if (values.only !== 'bare') {
      const env = { ...baseEnv(join(OUT, `site-${size}-cache`)), CONTENT_DIR: dir };
      entry.site = await build(`site-${size}`, [], env, values.keep);
    }
  }

  const ratios: Record<string, { time?: number; cpu?: number; rss?: number }> = {};
  for (const [size, { bare, site }] of Object.entries(results)) {
    if (bare && site && bare.exitCode === 0 && site.exitCode === 0) {
      ratios[size] = {
        time: round(site.seconds / bare.seconds),
        ...(site.cpuSeconds && bare.cpuSeconds ? { cpu: round(site.cpuSeconds / bare.cpuSeconds) } : {}),
        rss: round(site.peakRssMB / bare.peakRssMB),
      };
    }
  }
  const [small, large] = [Math.min(...sizes), Math.max(...sizes)];
  const growth = (kind: 'bare' | 'site', measure: 'seconds' | 'cpuSeconds' = 'seconds') => {
    const a = results[small]?.[kind];
    const b = results[large]?.[kind];
    if (small === large || a?.exitCode !== 0 || b?.exitCode !== 0) return undefined;
    const [from, to] = [a[measure], b[measure]];
    return from && to ? round(to / from) : undefined;
  };
  const papersGrowth = round(large / small);
  const siteGrowth = growth('site');
  const largeRatio = ratios[large];
  const summary = {
    benchmark: 'build',
    at: new Date().toISOString(),
    node: process.version,
    // Other work on the machine stretches wall times (not CPU seconds or RSS): read them with this.
    loadAverage: { atStart: loadAtStart, atEnd: round(loadavg()[0]!) },
    sizes: results,
    ratiosOurOverBare: ratios,
    timeGrowth: { papers: papersGrowth, bare: growth('bare'), site: siteGrowth },
    cpuGrowth: {
      papers: papersGrowth,
      bare: growth('bare', 'cpuSeconds'),
      site: growth('site', 'cpuSeconds'),
    },
    goals: {
      [`timeAtMost${GOALS.vsBare}xBareAt${large}`]:
        largeRatio?.time !== undefined ? largeRatio.time <= GOALS.vsBare : null,
      [`rssAtMost${GOALS.vsBare}xBareAt${large}`]:
        largeRatio?.rss !== undefined ? largeRatio.rss <= GOALS.vsBare : null,
      timeGrowsAboutLinearly:
        siteGrowth !== undefined ? siteGrowth <= papersGrowth * GOALS.growthVsLinear : null,
    },
  };
  console.log(JSON.stringify(summary));
}

await main();
