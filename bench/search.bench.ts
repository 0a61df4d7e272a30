/**
 * Search benchmark: builds the site from the generator's 40,000 papers, indexes the same built
 * site with Pagefind, and runs the same 50 queries through headless Chromium on both, the way a
 * user types them. Prints per engine: bytes transferred for the first query (gzip, as the static
 * server sends them), first-query latency, warm p50/p95 from input to painted results, the longest
 * main-thread task while searching, and recall@10 against an exact-word oracle over title +
 * abstract. The last line is one JSON object.
 *
 *   npm run bench:search [-- --papers 40000] [-- --reuse]   (--reuse keeps an earlier build and Pagefind index)
 */
import { existsSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync, readdirSync } from 'node:fs';
import { extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import type { Page } from 'playwright-core';
import { loadContent } from '../src/lib/content';
import { tokenizeText } from '../src/lib/search/tokenize';
import { buildSite, PROJECT_ROOT } from '../tests/support/build-site';
import { launchChromium } from '../tests/support/chromium';
import { serveStatic, type StaticServer } from '../tests/support/static-server';
import { ensureCorpus } from './corpus/generate-corpus';

const { values } = parseArgs({
  options: {
    papers: { type: 'string', default: '40000' },
    reuse: { type: 'boolean', default: false },
    // Diagnostics: each warm query's time and the files it fetched.
    'per-query': { type: 'boolean', default: false },
  },
});
const PAPERS = Number(values.papers);
const OUT = join(PROJECT_ROOT, 'bench/.out', `search-${PAPERS}`);

/** One benchmark query and what it means for the oracle (typos stand for their intended word). */
interface BenchQuery {
  query: string;
  kind: 'word' | 'rare word' | 'two words' | 'typo' | 'phrase';
  words: string[];
  phrases: string[][];
}

const words = (query: string, kind: BenchQuery['kind'], intended = query): BenchQuery => ({
  query,
  kind,
  words: tokenizeText(intended),
  phrases: [],
});
const phrase = (text: string): BenchQuery => ({
  query: `"${text}"`,
  kind: 'phrase',
  words: [],
  phrases: [tokenizeText(text)],
});

/** The 50 fixed queries; rare words are the generator's one-paper names. */
function benchQueries(rare: string[]): BenchQuery[] {
  return [
    ...[
      'quantization',
      'diffusion',
      'multilingual',
      'jailbreak',
      'splatting',
      'distillation',
      'hallucination',
      'tokenizer',
      'diarization',
      'curriculum',
    ].map((word) => words(word, 'word')),
    ...rare.slice(0, 10).map((word) => words(word, 'rare word')),
    ...[
      'language models',
      'reward model',
      'sparse attention',
      'speech recognition',
      'code repair',
      'preference optimization',
      'video generation',
      'machine translation',
      'theorem proving',
      'object detection',
    ].map((query) => words(query, 'two words')),
    ...[
      ['multilingal', 'multilingual'],
      ['quantizaton', 'quantization'],
      ['difusion', 'diffusion'],
      ['segmantation', 'segmentation'],
      ['reinforcment', 'reinforcement'],
      ['distilation', 'distillation'],
      ['hallucinaton', 'hallucination'],
      ['retreival', 'retrieval'],
      ['benchmrak', 'benchmark'],
      ['jailbrek', 'jailbreak'],
    ].map(([typo, intended]) => words(typo!, 'typo', intended)),
    ...[
      'low-resource languages',
      'catastrophic forgetting',
      'sparse attention',
      'chain-of-thought reasoning',
      'neural radiance fields',
      'reward models are easily exploited',
      'gaussian splatting',
      'speech recognition',
      'mixture-of-experts models',
      'word error rate',
    ].map(phrase),
  ];
}

/** Papers (ids) holding every word and phrase of each query in title + abstract, exactly. */
function oracle(contentDir: string, queries: BenchQuery[]): Set<string>[] {
  const { papers } = loadContent(contentDir, PROJECT_ROOT);
  const relevant = queries.map(() => new Set<string>());
  for (const paper of papers) {
    const terms = tokenizeText(`${paper.title}\n${paper.abstract}`);
    const present = new Set(terms);
    const joined = ` ${terms.join(' ')} `;
    queries.forEach((query, q) => {
      if (!query.words.every((word) => present.has(word))) return;
      if (!query.phrases.every((words) => joined.includes(` ${words.join(' ')} `))) return;
      relevant[q]!.add(paper.id);
    });
  }
  return relevant;
}

/** Bytes a request costs on the wire: the gzip the static server sends, or the file as is. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.xml', '.txt', '.svg']);
function wireBytes(dir: string, path: string): number {
  let file = join(dir, path);
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!existsSync(file)) return 0;
  const body = readFileSync(file);
  return COMPRESSIBLE.has(extname(file)) ? gzipSync(body).length : body.length;
}

/** Total size of a folder's files. */
function folderBytes(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const stat = statSync(join(dir, entry));
    if (stat.isFile()) {
      files++;
      bytes += stat.size;
    }
  }
  return { files, bytes };
}

/** A harness page running Pagefind's own JS API the way its UI does, rendering the top 10. */
const PAGEFIND_HARNESS = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Pagefind benchmark</title></head>
<body><main><label for="q">Search</label><input id="q" type="search"><ol id="results"></ol></main>
<script type="module">
  const input = document.getElementById('q');
  const list = document.getElementById('results');
  const ready = import('/pagefind/pagefind.js').then(async (pagefind) => { await pagefind.init(); return pagefind; });
  input.addEventListener('input', async () => {
    const query = input.value;
    const pagefind = await ready;
    const search = await pagefind.search(query);
    if (input.value !== query) return;
    const top = await Promise.all(search.results.slice(0, 10).map((result) => result.data()));
    const fragment = document.createDocumentFragment();
    for (const data of top) {
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = data.url;
      link.className = 'result';
      link.textContent = data.meta.title;
      const excerpt = document.createElement('p');
      excerpt.innerHTML = data.excerpt;
      item.append(link, excerpt);
      fragment.append(item);
    }
    list.replaceChildren(fragment);
    list.dataset.query = query;
  });
</script></body></html>`;

/** Runs before any page script: records the longest main-thread task starting after `__since`. */
const LONGTASK_OBSERVER = `
  window.__since = 0;
  window.__longest = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.startTime >= window.__since) window.__longest = Math.max(window.__longest, entry.duration);
    }
  }).observe({ type: 'longtask', buffered: true });
`;

interface EngineFigures {
  firstQueryBytes: number;
  firstQueryMs: number;
  warmP50Ms: number;
  warmP95Ms: number;
  longestTaskMs: number;
  recallAt10: number;
  recallByKind: Record<string, number>;
  indexFiles: number;
  indexBytes: number;
}

interface Harness {
  path: string;
  input: string;
  list: string;
  links: string;
}

/**
 * In-page timer, as source text (functions compiled by tsx would carry helpers the page lacks):
 * sets the query, waits for the results of exactly that query, then for the frame that paints them.
 */
const TIME_QUERY = `([query, input, list]) => new Promise((resolve) => {
  const box = document.querySelector(input);
  const results = document.querySelector(list);
  const started = performance.now();
  const observer = new MutationObserver(() => {
    if (results.dataset.query !== query) return;
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - started), 0));
  });
  observer.observe(results, { attributes: true, attributeFilter: ['data-query'] });
  box.value = query;
  box.dispatchEvent(new Event('input', { bubbles: true }));
})`;

/** Sets the query as one keystroke would and times it until its results are painted. */
async function timeQuery(
  page: Page,
  harness: Harness,
  query: string,
): Promise<{ ms: number; ids: string[] }> {
  const ms = (await page.evaluate(
    `(${TIME_QUERY})(${JSON.stringify([query, harness.input, harness.list])})`,
  )) as number;
  const hrefs = await page
    .locator(harness.links)
    .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  const ids = hrefs.slice(0, 10).map((href) => /\/papers\/([^/]+)\/?$/.exec(href)?.[1] ?? href);
  return { ms, ids };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const round = (value: number, digits = 1) => Number(value.toFixed(digits));

async function runEngine(
  name: string,
  server: StaticServer,
  dir: string,
  harness: Harness,
  queries: BenchQuery[],
  relevant: Set<string>[],
  indexDir: string,
): Promise<EngineFigures> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.addInitScript(LONGTASK_OBSERVER);
    const start = server.requests.length;
    await page.goto(`${server.url}${harness.path}`, { waitUntil: 'networkidle' });
    // Playwright compiles its injected script on first use: do that before measuring.
    await page.locator(harness.list).evaluateAll((lists) => lists.length);
    await page.evaluate('window.__since = performance.now(); window.__longest = 0');
    const first = await timeQuery(page, harness, queries[0]!.query);
    const firstPaths = server.requests.slice(start + 1).filter((path) => !path.endsWith('.css'));
    const firstQueryBytes = firstPaths.reduce((sum, path) => sum + wireBytes(dir, path), 0);

    const timings: number[] = [];
    const results = [first.ids];
    for (const query of queries.slice(1)) {
      const before = server.requests.length;
      const { ms, ids } = await timeQuery(page, harness, query.query);
      timings.push(ms);
      results.push(ids);
      if (values['per-query']) {
        const fetched = server.requests.slice(before);
        console.log(
          `  ${name} ${ms.toFixed(1).padStart(6)} ms ${fetched.length} requests ${query.query}: ${fetched.join(' ')}`,
        );
      }
    }
    const longestTaskMs = (await page.evaluate('window.__longest')) as number;

    const recalls = queries.map((query, q) => {
      const expected = relevant[q]!;
      const hits = results[q]!.filter((id) => expected.has(id)).length;
      return { kind: query.kind, recall: expected.size === 0 ? 1 : hits / Math.min(10, expected.size) };
    });
    const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
    const recallByKind: Record<string, number> = {};
    for (const kind of new Set(queries.map((query) => query.kind))) {
      recallByKind[kind] = round(mean(recalls.filter((r) => r.kind === kind).map((r) => r.recall)), 3);
    }
    const index = folderBytes(indexDir);
    const figures: EngineFigures = {
      firstQueryBytes,
      firstQueryMs: round(first.ms),
      warmP50Ms: round(percentile(timings, 50)),
      warmP95Ms: round(percentile(timings, 95)),
      longestTaskMs: round(longestTaskMs),
      recallAt10: round(mean(recalls.map((r) => r.recall)), 3),
      recallByKind,
      indexFiles: index.files,
      indexBytes: index.bytes,
    };
    console.log(
      `${name.padEnd(9)} first query ${(firstQueryBytes / 1024).toFixed(1)} kB in ${figures.firstQueryMs} ms ` +
        `(${firstPaths.length} requests); warm p50 ${figures.warmP50Ms} ms, p95 ${figures.warmP95Ms} ms; ` +
        `longest task ${figures.longestTaskMs} ms; recall@10 ${figures.recallAt10} ${JSON.stringify(recallByKind)}; ` +
        `index ${index.files} files, ${(index.bytes / 1e6).toFixed(1)} MB`,
    );
    return figures;
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  const { dir: contentDir, manifest } = ensureCorpus({ papers: PAPERS, shape: 'plain', seed: 1 });
  const queries = benchQueries(manifest.searchTargets.map((target) => target.word));
  const relevant = oracle(contentDir, queries);
  const empty = queries.filter((_, q) => relevant[q]!.size === 0).map((query) => query.query);
  if (empty.length > 0) console.warn(`queries with no exact match in the corpus: ${empty.join(', ')}`);

  let buildSeconds: number | undefined;
  if (!values.reuse || !existsSync(join(OUT, 'search/index.html'))) {
    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(OUT, { recursive: true });
    const buildStarted = performance.now();
    buildSite({ contentDir, outDir: OUT });
    buildSeconds = round((performance.now() - buildStarted) / 1000);
    console.log(`built ${PAPERS} papers in ${buildSeconds} s`);
  }
  let pagefindSeconds: number | undefined;
  if (!values.reuse || !existsSync(join(OUT, 'pagefind/pagefind.js'))) {
    const pagefindStarted = performance.now();
    rmSync(join(OUT, 'pagefind'), { recursive: true, force: true });
    const { index } = await pagefind.createIndex({});
    if (!index) throw new Error('pagefind could not create an index');
    await index.addDirectory({ path: OUT, glob: 'papers/**/*.html' });
    await index.writeFiles({ outputPath: join(OUT, 'pagefind') });
    await pagefind.close();
    pagefindSeconds = round((performance.now() - pagefindStarted) / 1000);
    console.log(`pagefind indexed the paper pages in ${pagefindSeconds} s`);
  }
  mkdirSync(join(OUT, 'pagefind-bench'), { recursive: true });
  writeFileSync(join(OUT, 'pagefind-bench/index.html'), PAGEFIND_HARNESS);

  const server = await serveStatic(OUT, '/');
  try {
    const ours = await runEngine(
      'ours',
      server,
      OUT,
      {
        path: 'search/',
        input: '#search-query',
        list: '#search-results',
        links: '#search-results a.search-result-link',
      },
      queries,
      relevant,
      join(OUT, 'search-index'),
    );
    const reference = await runEngine(
      'pagefind',
      server,
      OUT,
      { path: 'pagefind-bench/', input: '#q', list: '#results', links: '#results a.result' },
      queries,
      relevant,
      join(OUT, 'pagefind'),
    );
    const goals = {
      firstQueryBytes: ours.firstQueryBytes <= 400 * 1024,
      firstQueryMs: ours.firstQueryMs <= 1000,
      warmP95Ms: ours.warmP95Ms <= 50,
      longestTaskMs: ours.longestTaskMs <= 50,
      recallAt10: ours.recallAt10 >= 0.9,
      aheadOfPagefindWarm: ours.warmP95Ms < reference.warmP95Ms,
      noMoreBytesThanPagefind: ours.firstQueryBytes <= reference.firstQueryBytes,
    };
    console.log(
      JSON.stringify({
        bench: 'search',
        papers: PAPERS,
        queries: queries.length,
        buildSeconds,
        pagefindSeconds,
        ours,
        pagefind: reference,
        goals,
        seconds: round((performance.now() - started) / 1000),
      }),
    );
  } finally {
    await server.close();
  }
}

await main();
