/** Problems found in the input, collected rather than thrown, and printed one per line. */
import type { Problem, ProblemLevel } from './schema';

/** A sink the parsers report into; keeps reporting code short at every call site. */
export class ProblemList {
  readonly items: Problem[] = [];

  constructor(readonly file: string) {}

  /** Reports an error: that piece of input is not published. */
  error(line: number, message: string): void {
    this.items.push({ file: this.file, line, level: 'error', message });
  }

  /** Reports a warning: the input is published as the message says. */
  warn(line: number, message: string): void {
    this.items.push({ file: this.file, line, level: 'warning', message });
  }

  /** Whether an error has been reported. */
  get hasErrors(): boolean {
    return this.items.some((p) => p.level === 'error');
  }
}

/** `file:line: level: message`, the form editors and CI logs link to. */
export function formatProblem(problem: Problem): string {
  return `${problem.file}:${problem.line}: ${problem.level}: ${problem.message}`;
}

/** Counts of problems by level. */
export function countProblems(problems: readonly Problem[]): Record<ProblemLevel, number> {
  let error = 0;
  for (const p of problems) if (p.level === 'error') error++;
  return { error, warning: problems.length - error };
}
