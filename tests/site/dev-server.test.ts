/**
 * `astro dev` follows the content folder: a day file added, changed or removed while the server
 * runs shows on the next pages it serves, without a restart (the content loader's watcher).
 */
import { copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Paper } from '../../src/lib/schema';
import { PROJECT_ROOT } from '../support/build-site';
import { startDevServer, type DevServer } from '../support/dev-server';

const SEED_TITLE =
  'InvestLM: A Large Language Model for Investment using Financial Domain Instruction Tuning';
const RENAMED = 'A Renamed Paper About Investment';
const ADDED_TITLE = 'LARP: Language-Agent Role Play for Open-World Games';
const ADDED_DAY = 'tests/fixtures/site/daily/2024-01-08.txt';

let contentDir: string;
let server: DevServer;

async function papers(): Promise<Paper[]> {
  const response = await fetch(new URL('papers.json', server.url));
  expect(response.status).toBe(200);
  return (await response.json()) as Paper[];
}

/** Polls `check` until it holds: the watcher reloads a short moment after the file event. */
async function eventually(check: () => Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${what} did not happen within ${timeoutMs} ms; the server printed:\n${server.output()}`);
}

describe('astro dev', () => {
  beforeAll(async () => {
    // A copy of the shipped content folder, which the test then edits.
    contentDir = mkdtempSync(join(tmpdir(), 'paper-digest-dev-'));
    cpSync(join(PROJECT_ROOT, 'content'), contentDir, { recursive: true });
    server = await startDevServer(contentDir);
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('serves the content folder', async () => {
    const served = await papers();
    expect(served).toHaveLength(41);
    expect(served.map((paper) => paper.title)).toContain(SEED_TITLE);
  });

  it('shows a day added while it runs, on its day page and in papers.json', async () => {
    copyFileSync(join(PROJECT_ROOT, ADDED_DAY), join(contentDir, 'daily/2024-01-08.txt'));
    await eventually(async () => (await papers()).length > 41, 'the added day');
    expect((await papers()).map((paper) => paper.title)).toContain(ADDED_TITLE);

    const page = await fetch(new URL('days/2024-01-08/', server.url));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(ADDED_TITLE);
  });

  it('shows a changed title on the day page and the new paper page, and drops the old page', async () => {
    const oldId = (await papers()).find((paper) => paper.title === SEED_TITLE)!.id;
    const file = join(contentDir, 'daily/2025-05-30.txt');
    writeFileSync(file, readFileSync(file, 'utf8').replace(SEED_TITLE, RENAMED));
    await eventually(
      async () => (await papers()).some((paper) => paper.title === RENAMED),
      'the renamed title',
    );
    expect((await papers()).map((paper) => paper.title)).not.toContain(SEED_TITLE);
    const newId = (await papers()).find((paper) => paper.title === RENAMED)!.id;

    const day = await fetch(new URL('days/2025-05-30/', server.url));
    expect(day.status).toBe(200);
    expect(await day.text()).toContain(RENAMED);
    await eventually(
      async () => (await fetch(new URL(`papers/${newId}/`, server.url))).status === 200,
      'the renamed paper page',
    );
    expect((await fetch(new URL(`papers/${oldId}/`, server.url))).status).toBe(404);
  });

  it('drops a removed day', async () => {
    rmSync(join(contentDir, 'daily/2024-01-08.txt'));
    await eventually(async () => (await papers()).length === 41, 'the removal');
    await eventually(
      async () => (await fetch(new URL('days/2024-01-08/', server.url))).status === 404,
      "the removed day's page going",
    );
  });
});
