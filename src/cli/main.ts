/**
 * The one command-line entry point: `npm run digest -- <command>`. Its commands, options,
 * output and exit codes are a contract users and tools script against.
 */
import { CommandError, EXIT, UsageError } from './cli-error';
import { ADD_HELP, runAdd } from './commands/add';
import { CHECK_HELP, runCheck } from './commands/check';
import { PARSE_HELP, runParse } from './commands/parse';
import type { Output } from './output';

const HELP = `Usage: npm run digest -- <command> [options]

Commands:
  parse <file...>  print the merged paper records of scraped Daily Papers files
  check [dir]      parse every day under <dir>/daily (default content) and report
  add <file>       validate a fresh scrape and file it as content/daily/<date>.txt

Run "npm run digest -- <command> --help" for a command's options.`;

const COMMANDS: Record<string, { help: string; run: (args: string[], output: Output) => number }> = {
  parse: { help: PARSE_HELP, run: runParse },
  check: { help: CHECK_HELP, run: runCheck },
  add: { help: ADD_HELP, run: runAdd },
};

/** Runs the CLI on `argv` (without node and script); returns the exit code. */
export function main(argv: string[], output: Output): number {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? output.err : output.out)(HELP);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const command = COMMANDS[name];
  if (!command) {
    output.err(`digest: unknown command "${name}"\n\n${HELP}`);
    return EXIT.usage;
  }
  if (args.includes('--help') || args.includes('-h')) {
    output.out(command.help);
    return EXIT.ok;
  }
  try {
    return command.run(args, output);
  } catch (error) {
    if (error instanceof UsageError || isParseArgsError(error)) {
      output.err(
        `digest ${name}: ${(error as Error).message}\nRun "npm run digest -- ${name} --help" for usage.`,
      );
      return EXIT.usage;
    }
    if (error instanceof CommandError) {
      output.err(`digest ${name}: ${error.message}`);
      return EXIT.problems;
    }
    output.err(
      `digest ${name}: unexpected failure: ${error instanceof Error ? error.message : String(error)}`,
    );
    return EXIT.problems;
  }
}

/** node:util parseArgs rejects unknown options and missing values with ERR_PARSE_ARGS_* codes. */
function isParseArgsError(error: unknown): boolean {
  const code: unknown = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}

const isEntryPoint =
  process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'));
if (isEntryPoint) {
  // A reader that has seen enough (`digest parse … --json | head`) closes the pipe: stop quietly,
  // as other command-line tools do, instead of dying on the write that follows.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
  const output: Output = {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
  };
  process.exitCode = main(process.argv.slice(2), output);
}
