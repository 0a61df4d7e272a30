/**
 * Runs a command and measures its wall time and peak memory: the main process's peak RSS as the
 * kernel counts it (`/usr/bin/time`'s maximum resident set size), and the peak of the whole
 * process tree's RSS, polled from /proc (builds may start helper processes such as esbuild).
 */
import { spawn } from 'node:child_process';
import { appendFileSync, closeSync, existsSync, openSync, readdirSync, readFileSync } from 'node:fs';

export interface Measured {
  exitCode: number;
  seconds: number;
  /** Peak RSS of the main process, bytes (from /usr/bin/time when present, else polled VmHWM). */
  peakRssBytes: number;
  /** Highest sum of RSS over the process tree seen while polling, bytes. */
  treePeakRssBytes: number;
  /** User + system CPU seconds of the process and its children (from /usr/bin/time): unlike wall time, barely moved by other load on the machine. */
  cpuSeconds?: number;
}

const TIME = '/usr/bin/time';
const POLL_MS = 100;

function statusField(pid: number, field: string): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(
      readFileSync(`/proc/${pid}/status`, 'utf8'),
    );
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** The pid and every descendant of it, from /proc/<pid>/stat parent links. */
function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(entry));
      children.set(ppid, list);
    } catch {
      // The process ended while we looked.
    }
  }
  const tree: number[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    tree.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return tree;
}

/** Runs `command args` with its output written to `logFile`, polling memory until it exits. */
export function measureProcess(
  command: string,
  args: readonly string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; logFile: string },
): Promise<Measured> {
  const useTime = existsSync(TIME);
  const log = openSync(options.logFile, 'w');
  const started = performance.now();
  const [file, argv] = useTime
    ? [TIME, ['-f', 'MAXRSS_KB=%M CPU_S=%U %S', command, ...args]]
    : [command, [...args]];
  const child = spawn(file, argv, { cwd: options.cwd, env: options.env, stdio: ['ignore', log, 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  let treePeak = 0;
  let polledHwm = 0;
  const poll = setInterval(() => {
    if (child.pid === undefined) return;
    let sum = 0;
    for (const pid of processTree(child.pid)) {
      sum += statusField(pid, 'VmRSS');
      polledHwm = Math.max(polledHwm, statusField(pid, 'VmHWM'));
    }
    treePeak = Math.max(treePeak, sum);
  }, POLL_MS);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(poll);
      const seconds = (performance.now() - started) / 1000;
      closeSync(log);
      const timed = /MAXRSS_KB=(\d+) CPU_S=([\d.]+) ([\d.]+)\s*$/.exec(stderr);
      appendFileSync(options.logFile, timed ? stderr.slice(0, timed.index) : stderr);
      const kernelPeak = timed ? Number(timed[1]) * 1024 : 0;
      resolve({
        exitCode: code ?? 1,
        seconds,
        peakRssBytes: kernelPeak || polledHwm,
        treePeakRssBytes: Math.max(treePeak, kernelPeak),
        ...(timed ? { cpuSeconds: Number(timed[2]) + Number(timed[3]) } : {}),
      });
    });
  });
}
