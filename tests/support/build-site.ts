/**
 * Builds the real site with `astro build` into a folder of the caller's, never into the
 * project's own `dist/`, so tests and benchmarks can run side by side. Output folders stay inside
 * the project: for an outDir outside the working directory Astro stages its prerender bundle in
 * the shared `.astro/.prerender/`, and parallel builds would overwrite each other's.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Project root: tests and benchmarks run from anywhere. */
export const PROJECT_ROOT = resolve(import.meta.dirname, '../..');

/** Where builds go by default: ignored by git and the linters, inside the working directory. */
export const BUILDS_DIR = join(PROJECT_ROOT, 'node_modules/.cache/paper-digest/builds');

/** What to build: content folder, base path and site URL, as a user would set them. */
export interface BuildOptions {
  /** Content folder (holding `daily/` and `topics/`); default the project's `content/`. */
  contentDir?: string;
  /** BASE_PATH, such as `/digest/`; default `/`. */
  basePath?: string;
  /** SITE_URL for absolute URLs; default the config's. */
  siteUrl?: string;
  /** Output folder; default a new temporary one. */
  outDir?: string;
}

/** The built site's folder and what the build printed. */
export interface BuiltSite {
  outDir: string;
  output: string;
}

/** Runs `astro build`; throws with the build's output when it fails. */
export function buildSite(options: BuildOptions = {}): BuiltSite {
  mkdirSync(BUILDS_DIR, { recursive: true });
  const outDir = options.outDir ?? mkdtempSync(join(BUILDS_DIR, 'site-'));
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
  // Vitest puts Vite's import.meta.env keys into process.env; a child build would take
  // BASE_URL=/ from there instead of from BASE_PATH.
  for (const key of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR']) delete env[key];
  env.ASTRO_CACHE_DIR = `${outDir}.cache`;
  if (options.contentDir) env.CONTENT_DIR = resolve(options.contentDir);
  if (options.basePath) env.BASE_PATH = options.basePath;
  if (options.siteUrl) env.SITE_URL = options.siteUrl;
  const result = spawnSync(
    join(PROJECT_ROOT, 'node_modules/.bin/astro'),
    ['build', '--outDir', outDir, '--silent'],
    { cwd: PROJECT_ROOT, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.status !== 0) throw new Error(`astro build failed (exit ${result.status}):\n${output}`);
  return { outDir, output };
}
