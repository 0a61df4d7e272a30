/** `digest check [dir]`: parses every day of a content folder and prints what it found. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadContent } from '../../lib/content';
import { countProblems } from '../../lib/problems';
import { CommandError, UsageError } from '../cli-error';
import { reportProblems, type Output } from '../output';

export const CHECK_HELP = `Usage: npm run digest -- check [dir]

Parses every day file under <dir>/daily (default: content) and prints the number of days, papers,
merged duplicates, warnings and errors. Problems go to stderr as file:line: level: message.
Exit status: 0 clean or warnings only, 1 any error, 2 bad usage.`;

/** Runs `check`; returns the exit code. */
export function runCheck(args: string[], output: Output): number {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  if (positionals.length > 1) throw new UsageError('check takes at most one folder');
  const dir = positionals[0] ?? 'content';
  if (!existsSync(join(dir, 'daily')))
    throw new CommandError(`${dir}: no daily/ folder with day files in it`);
  const content = loadContent(dir);
  const counts = countProblems(content.problems);
  output.out(
    `days: ${content.days.length}, papers: ${content.papers.length}, ` +
      `merged duplicates: ${content.mergedDuplicates}, warnings: ${counts.warning}, errors: ${counts.error}`,
  );
  return reportProblems(content.problems, output);
}
