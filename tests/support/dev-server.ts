/**
 * Runs the real `astro dev` on a content folder of the caller's, on a free port, with its own
 * cache folder so it never shares Astro's content store with builds running alongside.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { PROJECT_ROOT } from './build-site';

/** A running dev server: its base URL, what it has printed so far, and how to stop it. */
export interface DevServer {
  url: string;
  output: () => string;
  stop: () => Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()));
    });
  });
}

/** Starts `astro dev` on `contentDir` and resolves once it answers; rejects with its output if it does not. */
export async function startDevServer(contentDir: string, timeoutMs = 90_000): Promise<DevServer> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CONTENT_DIR: contentDir,
    ASTRO_CACHE_DIR: mkdtempSync(join(tmpdir(), 'paper-digest-dev-cache-')),
    ASTRO_TELEMETRY_DISABLED: '1',
  };
  // Vitest puts Vite's import.meta.env keys into process.env (see build-site.ts), and with its
  // own VITEST keys set, `astro dev` answers every page with 404.
  for (const key of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR']) delete env[key];
  for (const key of Object.keys(env)) if (key.startsWith('VITEST')) delete env[key];
  const child: ChildProcess = spawn(
    join(PROJECT_ROOT, 'node_modules/.bin/astro'),
    ['dev', '--port', String(port), '--host', '127.0.0.1'],
    { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const server: DevServer = {
    url: `http://127.0.0.1:${port}/`,
    output: () => stripVTControlCharacters(output),
    stop: async () => {
      if (child.exitCode === null) {
        // The whole group: `astro` may have started helpers of its own.
        process.kill(-child.pid!, 'SIGTERM');
        await exited;
      }
    },
  };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      // A request sent while the server starts can wait forever: each try gets a few seconds.
      const response = await fetch(server.url, { signal: AbortSignal.timeout(5_000) });
      if (response.ok) return server;
    } catch {
      // Not listening yet, or not answering yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await server.stop();
  throw new Error(`astro dev did not answer within ${timeoutMs} ms:\n${server.output()}`);
}
