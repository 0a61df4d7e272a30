/**
 * `digest add <file>`: validates a fresh scrape and files it as `content/daily/<date>.<ext>`,
 * with front matter recording the date it settled. Replacing a different copy of a day needs
 * `--force`, and the old copy is moved aside, never lost.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { isIsoDate } from '../../lib/dates';
import { mergeDays } from '../../lib/merge';
import { countProblems } from '../../lib/problems';
import { plural } from '../../site/format';
import { CommandError, EXIT, UsageError } from '../cli-error';
import { dayOptionsFrom, DAY_OPTIONS } from '../day-options';
import { reportProblems, type Output } from '../output';
import { readDayFiles } from '../read-files';

export const ADD_HELP = `Usage: npm run digest -- add <file> [--date YYYY-MM-DD] [--force] [--content DIR]

Validates a freshly scraped page and files it as <content>/daily/<date>.<ext>, writing front matter
for the date it settled. A date line without a year ("May 30") is taken as the most recent such day
not after today, unless --date says otherwise.

  --date YYYY-MM-DD  the day the page shows
  --shape NAME       read the file as this shape instead of detecting it
  --force            replace a different existing copy of that day (the old one is moved to <content>/replaced/)
  --content DIR      content folder (default: content)
  --today YYYY-MM-DD what "today" is when settling a year (default: today's UTC date)
  --help             show this help

Exit status: 0 filed (or already filed), 1 problems in the file or a refused replace, 2 bad usage.`;

/** Runs `add`; returns the exit code. */
export function runAdd(args: string[], output: Output, now = new Date()): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      ...DAY_OPTIONS,
      force: { type: 'boolean' },
      content: { type: 'string', default: 'content' },
      today: { type: 'string' },
    },
  });
  if (positionals.length !== 1) throw new UsageError('add takes exactly one file');
  const today = values.today ?? now.toISOString().slice(0, 10);
  if (!isIsoDate(today)) throw new UsageError(`--today must be a real YYYY-MM-DD day, not "${today}"`);
  const file = positionals[0]!;
  const [day] = readDayFiles([file], { ...dayOptionsFrom(values), resolveYearBefore: today });
  // The day merged on its own is what the site will publish of it: the papers of a trending page
  // (every card twice) are counted once, and merging's own checks (a title twice) are reported.
  const merged = mergeDays([day!]);
  const exit = reportProblems(merged.problems, output);
  if (exit !== EXIT.ok || !day!.date) {
    output.err(`${file}: not added: fix the errors above first`);
    return EXIT.problems;
  }

  const date = day!.date;
  const original = readFileSync(file, 'utf8');
  const extension = extname(file).toLowerCase() || '.txt';
  const filed = extension === '.json' ? original : withDateFrontMatter(original, date);
  const dailyDir = join(values.content, 'daily');
  const target = join(dailyDir, `${date}${extension}`);
  if (existsSync(target)) {
    if (readFileSync(target, 'utf8') === filed) {
      output.out(`${target} already holds this copy of ${date}: nothing to do`);
      return EXIT.ok;
    }
    if (!values.force) {
      throw new CommandError(
        `${target} already holds a different copy of ${date}: pass --force to replace it ` +
          `(the old copy is then moved to ${join(values.content, 'replaced')}/)`,
      );
    }
    const replacedDir = join(values.content, 'replaced');
    mkdirSync(replacedDir, { recursive: true });
    const stamp = now.toISOString().replace(/[:.]/g, '-');
    const backup = join(replacedDir, `${date}.${stamp}${extension}`);
    renameSync(target, backup);
    output.out(`moved the old copy of ${date} to ${backup}`);
  }
  mkdirSync(dailyDir, { recursive: true });
  if (filed === original) copyFileSync(file, target);
  else writeFileSync(target, filed);
  const counts = countProblems(merged.problems);
  const cards = day!.papers.length;
  output.out(
    `added ${target}: ${plural(merged.papers.length, 'paper')}` +
      (cards !== merged.papers.length ? ` (from ${plural(cards, 'card')})` : '') +
      ` on ${date} (date from ${day!.dateFrom})` +
      (counts.warning > 0 ? `, ${plural(counts.warning, 'warning')}` : ''),
  );
  return EXIT.ok;
}

/** Puts `date:` into the file's front matter, adding front matter when there is none. */
function withDateFrontMatter(text: string, date: string): string {
  const body = text.replace(/^\ufeff/, '');
  const opening = /^---[ \t]*\r?\n/.exec(body);
  if (!opening) return `---\ndate: ${date}\n---\n${body}`;
  const rest = body.slice(opening[0].length);
  const withoutDate = rest.replace(/^date:.*\r?\n/m, '');
  return `---\ndate: ${date}\n${withoutDate}`;
}
