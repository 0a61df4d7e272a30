/**
 * Content folders for site tests: a fixture's `daily/` with the shipped `content/topics/`, so
 * topic edits never need a fixture change; and helpers to read a built site.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { PROJECT_ROOT } from '../support/build-site';

/** A temporary content folder holding `tests/fixtures/<name>/daily` and the shipped topics. */
export function fixtureContent(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `paper-digest-${name.replaceAll('/', '-')}-`));
  cpSync(join(PROJECT_ROOT, 'tests/fixtures', name, 'daily'), join(dir, 'daily'), { recursive: true });
  cpSync(join(PROJECT_ROOT, 'content/topics'), join(dir, 'topics'), { recursive: true });
  return dir;
}

/** Every file under `dir`, as sorted `/`-separated paths relative to it. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
}

/** A built HTML file, parsed. `page` is a site path such as `papers/x/` or `404.html`. */
export function readPage(outDir: string, page: string): HTMLElement {
  const file = page.endsWith('.html') ? page : join(page, 'index.html');
  return parse(readFileSync(join(outDir, file), 'utf8'));
}
