/** Errors the CLI reports as one line and an exit code, never as a stack trace. */

/** Exit codes of every command: clean or warnings only, errors in the input, bad usage. */
export const EXIT = { ok: 0, problems: 1, usage: 2 } as const;

/** Bad usage: printed with the command's help hint, exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** A failure that is not about the input's content (unreadable file, refused replace), exit 1. */
export class CommandError extends Error {
  override name = 'CommandError';
}
