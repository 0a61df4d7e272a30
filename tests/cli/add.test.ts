import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './run-cli';

const SEED = readFileSync('tests/fixtures/seed/2025-05-30.txt', 'utf8');
let dir: string;
let content: string;
const add = (...args: string[]) =>
  runCli(['add', ...args, '--content', content, '--today', '2026-11-26'], dir);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'digest-add-'));
  content = join(dir, 'content');
  writeFileSync(join(dir, 'scrape.txt'), SEED);
});

describe('digest add', () => {
  it('files a yearless scrape under the most recent such day, with front matter', () => {
    const r = add('scrape.txt');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(
      /added .*daily\/2026-05-30\.txt: 41 papers on 2026-05-30 \(date from latest past day\)/,
    );
    const filed = readFileSync(join(content, 'daily/2026-05-30.txt'), 'utf8');
    expect(filed).toBe(`---\ndate: 2026-05-30\n---\n${SEED}`);
    const check = runCli(['check', content], dir);
    expect(check.status).toBe(0);
    expect(check.stdout).toContain('days: 1, papers: 41,');
  });

  it('takes --date over the year it would infer', () => {
    expect(add('scrape.txt', '--date', '2025-05-30').status).toBe(0);
    expect(existsSync(join(content, 'daily/2025-05-30.txt'))).toBe(true);
  });

  it('does nothing for the same copy twice', () => {
    add('scrape.txt');
    const again = add('scrape.txt');
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('already holds this copy');
  });

  it('refuses to replace a different copy of the day unless --force, and keeps the old one', () => {
    add('scrape.txt');
    const target = join(content, 'daily/2026-05-30.txt');
    const before = readFileSync(target, 'utf8');
    writeFileSync(
      join(dir, 'scrape.txt'),
      SEED.replace('Qwen2 Technical Report', 'Qwen2 Technical Report v2'),
    );
    const refused = add('scrape.txt');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/already holds a different copy of 2026-05-30: pass --force/);
    expect(readFileSync(target, 'utf8')).toBe(before);

    const forced = add('scrape.txt', '--force');
    expect(forced.status).toBe(0);
    expect(readFileSync(target, 'utf8')).toContain('Qwen2 Technical Report v2');
    const replaced = readdirSync(join(content, 'replaced'));
    expect(replaced).toHaveLength(1);
    expect(readFileSync(join(content, 'replaced', replaced[0]!), 'utf8')).toBe(before);
  });

  it('counts the papers a trending page shows twice once, as the site publishes them', () => {
    writeFileSync(
      join(dir, 'trending.md'),
      readFileSync('tests/fixtures/real/trending-crawler-markdown.md', 'utf8'),
    );
    const r = add('trending.md', '--date', '2025-06-02');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(
      /added .*daily\/2025-06-02\.md: 50 papers \(from 100 cards\) on 2025-06-02 \(date from option\)\n/,
    );
    expect(runCli(['check', content], dir).stdout).toContain('days: 1, papers: 50,');
  });

  it('reports what merging the day finds, such as a title twice, and counts it once', () => {
    const [, title, abstract] = /May 30\n\n(.+)\n\n(.+)\n/.exec(SEED)!;
    writeFileSync(join(dir, 'scrape.txt'), `${SEED}\n\n${title}\n\n${abstract}\n`);
    const r = add('scrape.txt', '--date', '2025-05-30');
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(
      new RegExp(`scrape\\.txt:\\d+: warning: "${title!.slice(0, 20)}.*appears again on this day`),
    );
    expect(r.stdout).toMatch(/: 41 papers \(from 42 cards\) on 2025-05-30 \(date from option\), 1 warning\n/);
  });

  it('files nothing when the scrape has errors', () => {
    writeFileSync(join(dir, 'scrape.txt'), '<html><body>Daily Papers</body></html>');
    const r = add('scrape.txt');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('this is an HTML page');
    expect(existsSync(join(content, 'daily'))).toBe(false);
  });
});
