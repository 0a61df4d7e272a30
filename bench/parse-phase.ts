/**
 * One phase of the parse benchmark, run by bench/parse.bench.ts in a fresh process so its peak
 * RSS is its own. Prints one JSON line: timings per run, bytes, what was parsed, peak RSS.
 *
 *   node --expose-gc --import tsx bench/parse-phase.ts --phase read|floor|parse|merge|baseline --dir DIR [--runs 3]
 *     [--profile FILE]   (a CPU profile of the runs only, not of start-up and module loading)
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { listDayFiles } from '../src/lib/content';
import { mergeDays } from '../src/lib/merge';
import type { ParsedDay } from '../src/lib/parse/day-file';
import { readDays } from '../src/lib/parse/read-days';
import { floorParse } from './parse-floor';

export const PHASES = ['baseline', 'read', 'floor', 'parse', 'merge'] as const;
export type Phase = (typeof PHASES)[number];

/** What a phase child reports. */
export interface PhaseResult {
  phase: Phase;
  files: number;
  bytes: number;
  /** Wall seconds of each run, first (cold) run first. */
  seconds: number[];
  /** CPU seconds (user + system, all threads) of each run. */
  cpuSeconds: number[];
  /** Scraped papers (parse) or merged records (merge) of the last run. */
  papers: number;
  errors: number;
  warnings: number;
  firstError?: string;
  maxRssBytes: number;
}

interface Outcome {
  bytes: number;
  papers: number;
  errors: number;
  warnings: number;
  firstError?: string;
}

function runOnce(phase: Phase, dir: string, files: readonly string[], bytes: number): Outcome {
  if (phase === 'baseline') return { bytes: 0, papers: 0, errors: 0, warnings: 0 };
  if (phase === 'read') {
    let chars = 0;
    const texts = files.map((file) => readFileSync(join(dir, file), 'utf8'));
    for (const text of texts) chars += text.length;
    return { bytes: chars, papers: 0, errors: 0, warnings: 0 };
  }
  if (phase === 'floor') return { bytes, papers: floorParse(dir, files), errors: 0, warnings: 0 };
  // Read and parsed as `loadContent` does (it adds only the folder listing, done once before timing).
  const parsed: ParsedDay[] = readDays(files, dir);
  if (phase === 'parse') {
    const problems = parsed.flatMap((day) => day.problems);
    return {
      bytes,
      papers: parsed.reduce((sum, day) => sum + day.papers.length, 0),
      ...count(problems),
    };
  }
  const merged = mergeDays(parsed);
  return { bytes, papers: merged.papers.length, ...count(merged.problems) };
}

function count(problems: readonly { level: string; file: string; line: number; message: string }[]) {
  const errors = problems.filter((problem) => problem.level === 'error');
  const first = errors[0];
  return {
    errors: errors.length,
    warnings: problems.length - errors.length,
    ...(first ? { firstError: `${first.file}:${first.line}: ${first.message}` } : {}),
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      phase: { type: 'string' },
      dir: { type: 'string' },
      runs: { type: 'string', default: '3' },
      profile: { type: 'string' },
    },
  });
  const phase = values.phase as Phase;
  if (!PHASES.includes(phase) || !values.dir) {
    console.error(`usage: parse-phase.ts --phase ${PHASES.join('|')} --dir DIR [--runs N]`);
    process.exit(2);
  }
  const dir = values.dir;
  const files = listDayFiles(dir, dir);
  let bytes = 0;
  for (const file of files) bytes += statSync(join(dir, file)).size;
  const seconds: number[] = [];
  const cpuSeconds: number[] = [];
  let outcome: Outcome = { bytes: 0, papers: 0, errors: 0, warnings: 0 };
  const session = values.profile ? new Session() : undefined;
  if (session) {
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
  }
  for (let run = 0; run < Number(values.runs); run++) {
    // Collect the previous run's garbage first, so runs do not stack up in the peak.
    globalThis.gc?.();
    const started = performance.now();
    const cpu = process.cpuUsage();
    outcome = runOnce(phase, dir, files, bytes);
    seconds.push((performance.now() - started) / 1000);
    const used = process.cpuUsage(cpu);
    cpuSeconds.push((used.user + used.system) / 1e6);
  }
  if (session && values.profile) {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(values.profile, JSON.stringify(profile));
    session.disconnect();
  }
  const result: PhaseResult = {
    phase,
    files: files.length,
    ...outcome,
    seconds,
    cpuSeconds,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
  };
  console.log(JSON.stringify(result));
}

await main();
