/**
 * Reading a content folder: every day file under `daily/`, parsed and merged. The one entry
 * point the CLI, the Astro loader and the benchmarks share.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { mergeDays, type MergedContent } from './merge';
import { parseDayBytes, type DayOptions, type ParsedDay } from './parse/day-file';
import { readDays } from './parse/read-days';

/** File name endings read as day files. */
export const DAY_FILE_PATTERN = /\.(?:txt|md|markdown|json)$/i;

/** Day files under `<contentDir>/daily`, sorted, as paths relative to `relativeTo`. */
export function listDayFiles(contentDir: string, relativeTo = process.cwd()): string[] {
  const dailyDir = join(contentDir, 'daily');
  return readdirSync(dailyDir, { recursive: true, encoding: 'utf8' })
    .filter((name) => DAY_FILE_PATTERN.test(name))
    .map((name) => relative(relativeTo, join(dailyDir, name)))
    .sort();
}

/** Reads and parses files as given (paths are kept as given in messages). */
export function parseFiles(files: readonly string[], options: DayOptions = {}): ParsedDay[] {
  return files.map((file) => parseDayBytes(readFileSync(file), file, options));
}

/** Everything under a content folder, parsed and merged. */
export function loadContent(contentDir: string, relativeTo = process.cwd()): MergedContent {
  return mergeDays(readDays(listDayFiles(contentDir, relativeTo), relativeTo));
}
