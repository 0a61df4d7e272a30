/**
 * What the build says about its input: one summary line (days, papers, topics, warnings), each
 * warning as `file:line: warning: message`, and a failed build listing every error-level problem.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/content';
import { countProblems } from '../../src/lib/problems';
import { loadTopics } from '../../src/lib/topics/load-topics';
import { buildSite, PROJECT_ROOT } from '../support/build-site';
import { fixtureContent } from './site-fixture';

describe('content checks at build time', () => {
  it('prints one summary line and every warning with its file and line', () => {
    const contentDir = fixtureContent('site/warned');
    const cacheDir = mkdtempSync(join(tmpdir(), 'paper-digest-sync-'));
    const env: NodeJS.ProcessEnv = { ...process.env, CONTENT_DIR: contentDir, ASTRO_CACHE_DIR: cacheDir };
    for (const key of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR']) delete env[key];
    // `astro sync` runs the content loader exactly as `astro build` does, without rendering pages.
    const result = spawnSync(join(PROJECT_ROOT, 'node_modules/.bin/astro'), ['sync'], {
      cwd: PROJECT_ROOT,
      env,
      encoding: 'utf8',
    });
    // With CI set, Astro colours its log even when it is not a terminal.
    const output = stripVTControlCharacters(`${result.stdout}${result.stderr}`);
    expect(result.status, output).toBe(0);

    const warnings =
      countProblems(loadContent(contentDir).problems).warning +
      countProblems(loadTopics(join(contentDir, 'topics')).problems).warning;
    const topicCount = loadTopics(join(contentDir, 'topics')).topics.length;
    expect(warnings).toBeGreaterThanOrEqual(1);
    const summaries = output.split('\n').filter((line) => /\[paper-digest\] \d+ days?, /.test(line));
    expect(summaries).toHaveLength(1);
    expect(summaries[0]).toContain(
      `1 day, 1 paper, ${topicCount} topics, ${warnings} warning${warnings === 1 ? '' : 's'}`,
    );
    expect(output).toMatch(
      /daily\/2024-03-01\.txt:7: warning: "Scaling Laws for Tiny Test Papers" appears again/,
    );
  }, 60_000);

  it('fails the build on an error-level problem, naming file and line', () => {
    const contentDir = mkdtempSync(join(tmpdir(), 'paper-digest-broken-'));
    cpSync(join(PROJECT_ROOT, 'tests/fixtures/site/broken/daily'), join(contentDir, 'daily'), {
      recursive: true,
    });
    cpSync(join(PROJECT_ROOT, 'tests/fixtures/site/daily'), join(contentDir, 'daily'), { recursive: true });
    cpSync(join(PROJECT_ROOT, 'content/topics'), join(contentDir, 'topics'), { recursive: true });
    expect(() => buildSite({ contentDir })).toThrow(
      /daily\/2024-01-07\.txt:6: error: binary data \(a NUL byte at offset \d+\)/,
    );
  }, 60_000);
});
