/** `digest parse <file...>`: the merged records of the given day files. */
import { parseArgs } from 'node:util';
import { mergeDays } from '../../lib/merge';
import { countProblems } from '../../lib/problems';
import { readDayFiles } from '../read-files';
import { dayOptionsFrom, DAY_OPTIONS } from '../day-options';
import { plural } from '../../site/format';
import { UsageError } from '../cli-error';
import { reportProblems, type Output } from '../output';

export const PARSE_HELP = `Usage: npm run digest -- parse <file...> [--date YYYY-MM-DD] [--shape NAME] [--json]

Parses scraped Daily Papers files and prints the merged paper records.

  --date YYYY-MM-DD  the day the files show (else front matter, the file name, or a date line with a year)
  --shape NAME       read the files as this shape instead of detecting it
  --json             print a JSON array of records on stdout instead of a summary
  --help             show this help

Problems go to stderr as file:line: level: message.
Exit status: 0 clean or warnings only, 1 any error, 2 bad usage.`;

/** Runs `parse`; returns the exit code. */
export function runParse(args: string[], output: Output): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { ...DAY_OPTIONS, json: { type: 'boolean' } },
  });
  if (positionals.length === 0) throw new UsageError('parse needs at least one file');
  const days = readDayFiles(positionals, dayOptionsFrom(values));
  const merged = mergeDays(days);
  if (values.json) {
    output.out(JSON.stringify(merged.papers, null, 2));
  } else {
    for (const paper of merged.papers) {
      const links = paper.links.length > 0 ? `, ${plural(paper.links.length, 'link')}` : '';
      output.out(`${paper.id}\n  ${paper.title}\n  ${paper.dates.join(', ')}${links}`);
    }
    const counts = countProblems(merged.problems);
    output.out(
      `${plural(merged.papers.length, 'paper')} from ${plural(days.length, 'file')} over ` +
        `${plural(merged.days.length, 'day')}; ${plural(merged.mergedDuplicates, 'merged duplicate')}, ` +
        `${plural(counts.warning, 'warning')}, ${plural(counts.error, 'error')}`,
    );
  }
  return reportProblems(merged.problems, output);
}
