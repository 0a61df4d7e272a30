/** Runs the real CLI as users do (`npm run digest -- …` runs this same entry point). */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

const TSX = join(ROOT, 'node_modules/.bin/tsx');
const MAIN = join(ROOT, 'src/cli/main.ts');
const ENV = { ...process.env, PATH: `${join(ROOT, 'node_modules/.bin')}:${process.env.PATH}` };

/** Exit code, stdout and stderr of `digest <args>` run in `cwd`. */
export function runCli(
  args: string[],
  cwd = ROOT,
): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(TSX, [MAIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: ENV,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Exit code and stderr of `digest <args> | <reader>` in a shell with pipefail: the exit code is the CLI's. */
export function runCliPiped(args: string[], reader: string): { status: number | null; stderr: string } {
  const quoted = [TSX, MAIN, ...args].map((word) => `'${word.replace(/'/g, "'\\''")}'`).join(' ');
  const result = spawnSync('bash', ['-c', `set -o pipefail; ${quoted} | ${reader}`], {
    cwd: ROOT,
    encoding: 'utf8',
    env: ENV,
  });
  return { status: result.status, stderr: result.stderr };
}
