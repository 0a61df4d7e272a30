/**
 * The floor the parse benchmark compares against: the least work that turns plain day files into
 * paper objects. Lines are split, the header is skipped up to the date line, and each title line
 * is paired with the next line into an object keyed by the lowercased title: no normalization,
 * link finding, ids, checks, problem reports or validation. No real parser can be faster than
 * this on the same machine, so it tells how far a throughput goal is from what JavaScript here
 * can do at all.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const DATE_LINE = /^[A-Z][a-z]{2} \d{1,2}$/;

interface FloorPaper {
  title: string;
  abstract: string;
  dates: string[];
}

/** Reads the plain day files `files` under `dir` the cheapest way; returns the distinct papers. */
export function floorParse(dir: string, files: readonly string[]): number {
  const byTitle = new Map<string, FloorPaper>();
  for (const file of files) {
    const lines = readFileSync(join(dir, file), 'utf8').split('\n');
    const date = file.slice(-14, -4);
    let i = 0;
    while (i < lines.length && !DATE_LINE.test(lines[i]!)) i++;
    let title: string | undefined;
    for (i++; i < lines.length; i++) {
      const line = lines[i]!;
      if (line === '') continue;
      if (title === undefined) {
        title = line;
        continue;
      }
      const key = title.toLowerCase();
      const known = byTitle.get(key);
      if (known) known.dates.push(date);
      else byTitle.set(key, { title, abstract: line, dates: [date] });
      title = undefined;
    }
  }
  return byTitle.size;
}
