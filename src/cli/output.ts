/** How commands print: records on stdout, problems on stderr as `file:line: level: message`. */
import { countProblems, formatProblem } from '../lib/problems';
import type { Problem } from '../lib/schema';
import { EXIT } from './cli-error';

/** Where commands write; tests pass their own. */
export interface Output {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** Prints every problem to stderr and returns the exit code they call for. */
export function reportProblems(problems: readonly Problem[], output: Output): number {
  for (const problem of problems) output.err(formatProblem(problem));
  return countProblems(problems).error > 0 ? EXIT.problems : EXIT.ok;
}
