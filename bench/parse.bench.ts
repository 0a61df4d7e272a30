/**
 * `npm run bench:parse`: parser throughput and memory on a generated multi-year corpus.
 * Each phase (read only; read + parse; read + parse + validate + merge) runs in its own fresh
 * process so its peak RSS is its own; then end to end once per input shape the parser supports.
 * The last line printed is one JSON object with every figure.
 *
 *   npm run bench:parse [-- --papers 40000] [--runs 3] [--seed 1] [--profile]
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { SHAPES } from '../src/lib/parse/day-file';
import { ensureCorpus } from './corpus/generate-corpus';
import { CORPUS_SHAPES, type CorpusShape } from './corpus/render-shapes';
import type { Phase, PhaseResult } from './parse-phase';
import { hotSpots } from './support/cpu-profile';

const ROOT = resolve(import.meta.dirname, '..');
const PHASE_SCRIPT = join(ROOT, 'bench/parse-phase.ts');
const MB = 1e6;

const GOALS = {
  endToEndMBps: 200,
  endToEndVsReadTime: 4,
  peakRssVsInput: 4,
  shapeMBps: 100,
};

function runPhase(phase: Phase, dir: string, runs: number, profileFile?: string): PhaseResult {
  const args = [
    '--expose-gc',
    '--import',
    'tsx',
    PHASE_SCRIPT,
    '--phase',
    phase,
    '--dir',
    dir,
    '--runs',
    String(runs),
  ];
  if (profileFile) args.push('--profile', profileFile);
  const child = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 16 * MB });
  const lastLine = child.stdout.trim().split('\n').at(-1) ?? '';
  if (child.status !== 0 || !lastLine.startsWith('{')) {
    throw new Error(`phase ${phase} failed (exit ${child.status}):\n${child.stderr}${child.stdout}`);
  }
  return JSON.parse(lastLine) as PhaseResult;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;
const mbps = (bytes: number, seconds: number) => round(bytes / MB / seconds);
const mb = (bytes: number) => round(bytes / MB);

function main(): void {
  const { values } = parseArgs({
    options: {
      papers: { type: 'string', default: '40000' },
      runs: { type: 'string', default: '3' },
      seed: { type: 'string', default: '1' },
      profile: { type: 'boolean', default: false },
    },
  });
  const papers = Number(values.papers);
  const runs = Number(values.runs);
  const seed = Number(values.seed);
  const loadAtStart = round(loadavg()[0]!, 2);

  const { dir, manifest } = ensureCorpus({ papers, seed, shape: 'plain' });
  const input = manifest.bytes;
  console.log(
    `corpus: ${manifest.papers} papers (${manifest.featurings} cards), ${manifest.days} day files ` +
      `${manifest.firstDay}..${manifest.lastDay}, ${mb(input)} MB in ${dir}`,
  );

  const phases = Object.fromEntries(
    (['baseline', 'read', 'floor', 'parse', 'merge'] as const).map((phase) => {
      const result = runPhase(phase, dir, phase === 'baseline' ? 1 : runs);
      const seconds = median(result.seconds);
      if (phase !== 'baseline') {
        console.log(
          `${phase.padEnd(8)} ${mbps(input, seconds)} MB/s (median of ${result.seconds.length} runs, cold first: ` +
            `${result.seconds.map((run) => mbps(input, run)).join(', ')} MB/s), peak RSS ${mb(result.maxRssBytes)} MB` +
            (phase === 'read' ? '' : `, ${result.papers} papers, ${result.errors} errors`) +
            (phase === 'floor'
              ? ' (least work: lines split, titles paired with abstracts, nothing checked)'
              : ''),
        );
      }
      return [phase, { ...result, median: seconds }];
    }),
  ) as Record<Phase, PhaseResult & { median: number }>;
  const endToEnd = phases.merge;
  if (endToEnd.papers !== manifest.papers || endToEnd.errors > 0) {
    console.log(
      `WARNING: end to end gave ${endToEnd.papers} papers and ${endToEnd.errors} errors, ` +
        `expected ${manifest.papers} and 0 (${endToEnd.firstError ?? 'no error message'})`,
    );
  }

  const supported = CORPUS_SHAPES.filter((shape) => (SHAPES as readonly string[]).includes(shape));
  const unsupported = SHAPES.filter((shape) => !(CORPUS_SHAPES as readonly string[]).includes(shape));
  if (unsupported.length) console.log(`shapes the generator cannot write: ${unsupported.join(', ')}`);
  const shapes: Record<string, object> = {};
  for (const shape of supported) {
    const corpus =
      shape === 'plain' ? { dir, manifest } : ensureCorpus({ papers, seed, shape: shape as CorpusShape });
    const result = shape === 'plain' ? endToEnd : runPhase('merge', corpus.dir, runs);
    const seconds = median(result.seconds);
    const rate = mbps(corpus.manifest.bytes, seconds);
    console.log(
      `shape ${shape.padEnd(10)} ${rate} MB/s end to end over ${mb(corpus.manifest.bytes)} MB, ` +
        `${result.papers}/${corpus.manifest.papers} papers, ${result.errors} errors, peak RSS ${mb(result.maxRssBytes)} MB` +
        (result.firstError ? ` (first error: ${result.firstError})` : ''),
    );
    shapes[shape] = {
      endToEndMBps: rate,
      endToEndMBpsPerCpuSecond: mbps(corpus.manifest.bytes, median(result.cpuSeconds)),
      inputMB: mb(corpus.manifest.bytes),
      papers: result.papers,
      expectedPapers: corpus.manifest.papers,
      errors: result.errors,
      warnings: result.warnings,
      peakRssMB: mb(result.maxRssBytes),
    };
  }

  let profile: ReturnType<typeof hotSpots> | undefined;
  if (values.profile) {
    mkdirSync(join(ROOT, 'bench/.out'), { recursive: true });
    const file = join(ROOT, 'bench/.out/parse-end-to-end.cpuprofile');
    runPhase('merge', dir, 1, file);
    profile = hotSpots(file, ROOT);
    console.log(
      `CPU profile of one end-to-end run (open in Chrome DevTools): ${file}\nself time by function:`,
    );
    for (const spot of profile.functions)
      console.log(`  ${String(spot.selfPercent).padStart(5)}%  ${spot.where}`);
    console.log('self time by file:');
    for (const spot of profile.files)
      console.log(`  ${String(spot.selfPercent).padStart(5)}%  ${spot.where}`);
    console.log('time including callees, project functions:');
    for (const spot of profile.inclusive)
      console.log(`  ${String(spot.selfPercent).padStart(5)}%  ${spot.where}`);
  }

  const readMBps = mbps(input, phases.read.median);
  const endToEndMBps = mbps(input, endToEnd.median);
  const endToEndVsReadTime = round(endToEnd.median / phases.read.median, 2);
  const peakRssVsInput = round(endToEnd.maxRssBytes / input, 2);
  const shapeRates = Object.values(shapes).map((shape) => (shape as { endToEndMBps: number }).endToEndMBps);
  const summary = {
    benchmark: 'parse',
    at: new Date().toISOString(),
    node: process.version,
    // Other work on the machine slows wall-clock rates: read them with this.
    loadAverage: { atStart: loadAtStart, atEnd: round(loadavg()[0]!, 2) },
    papers: manifest.papers,
    cards: manifest.featurings,
    files: manifest.days,
    inputMB: mb(input),
    readMBps,
    // The least work that makes paper objects of the files (bench/parse-floor.ts): how fast any
    // parser could be on this machine, for reading the goals against.
    floorMBps: mbps(input, phases.floor.median),
    parseMBps: mbps(input, phases.parse.median),
    endToEndMBps,
    coldEndToEndMBps: mbps(input, endToEnd.seconds[0]!),
    // Every run's rate, the cold one first: the machine's noise moves single runs by 10 to 15%.
    endToEndRunsMBps: endToEnd.seconds.map((run) => mbps(input, run)),
    endToEndVsReadTime,
    // Input MB per CPU second (all threads): close to what wall-clock rates are on an idle machine,
    // and barely moved by other load, unlike the wall-clock rates above.
    mbPerCpuSecond: {
      read: mbps(input, median(phases.read.cpuSeconds)),
      parse: mbps(input, median(phases.parse.cpuSeconds)),
      floor: mbps(input, median(phases.floor.cpuSeconds)),
      endToEnd: mbps(input, median(endToEnd.cpuSeconds)),
    },
    peakRssMB: {
      baseline: mb(phases.baseline.maxRssBytes),
      read: mb(phases.read.maxRssBytes),
      parse: mb(phases.parse.maxRssBytes),
      endToEnd: mb(endToEnd.maxRssBytes),
    },
    peakRssVsInput,
    peakRssAboveBaselineVsInput: round((endToEnd.maxRssBytes - phases.baseline.maxRssBytes) / input, 2),
    endToEndPapers: endToEnd.papers,
    endToEndErrors: endToEnd.errors,
    shapes,
    shapesNotSupportedByParser: CORPUS_SHAPES.filter((shape) => !supported.includes(shape)),
    goals: {
      endToEndAtLeast200MBps: endToEndMBps >= GOALS.endToEndMBps,
      endToEndWithin4xRead: endToEndVsReadTime <= GOALS.endToEndVsReadTime,
      peakRssWithin4xInput: peakRssVsInput <= GOALS.peakRssVsInput,
      everyShapeAtLeast100MBps: shapeRates.length > 0 && shapeRates.every((rate) => rate >= GOALS.shapeMBps),
      correctPaperCount: endToEnd.papers === manifest.papers && endToEnd.errors === 0,
    },
    ...(profile ? { hotSpots: profile.functions.slice(0, 10) } : {}),
  };
  console.log(JSON.stringify(summary));
}

main();
