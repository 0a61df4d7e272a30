import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runCliPiped } from './run-cli';

const dir = mkdtempSync(join(tmpdir(), 'digest-bad-'));
const HEADER =
  'new\n\nGet trending papers in your email inbox!\n\nSubscribe\n\nbyAK and the research community\n\nMay 30\n\n';
const ABSTRACT = 'We propose a method. It works well on many benchmarks and languages.';
const write = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const PROBLEM_LINE = /^.+:\d+: (error|warning): .+$/;

/** Runs `parse` on one file and checks the output is one-line problems, never a stack trace. */
function parseFile(path: string) {
  const result = runCli(['parse', path, '--json']);
  const lines = result.stderr.trim().split('\n').filter(Boolean);
  for (const line of lines) expect(line).toMatch(PROBLEM_LINE);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  return { ...result, lines, papers: JSON.parse(result.stdout) as { title: string }[] };
}

describe('digest parse on bad input', () => {
  it('an empty file', () => {
    const path = write('2025-05-30-empty.txt', '');
    const r = parseFile(path);
    expect(r.status).toBe(1);
    expect(r.lines).toEqual([`${path}:1: error: file is empty: expected the text of a Daily Papers page`]);
  });

  it('binary bytes', () => {
    const path = write(
      '2025-05-30-binary.txt',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 1]),
    );
    const r = parseFile(path);
    expect(r.status).toBe(1);
    expect(r.lines).toHaveLength(1);
    expect(r.lines[0]).toContain('binary data');
  });

  it('invalid UTF-8', () => {
    const r = parseFile(write('2025-05-30-latin1.txt', Buffer.from('Caf\xe9 title\n', 'latin1')));
    expect(r.status).toBe(1);
    expect(r.lines[0]).toContain('not valid UTF-8');
  });

  it('an HTML page instead of text', () => {
    const r = parseFile(
      write(
        '2025-05-30.html.txt',
        '<!DOCTYPE html>\n<html><head><title>Daily Papers</title></head><body></body></html>',
      ),
    );
    expect(r.status).toBe(1);
    expect(r.lines).toHaveLength(1);
    expect(r.lines[0]).toMatch(/:1: error: this is an HTML page/);
  });

  it('the header but no papers', () => {
    const r = parseFile(write('2025-05-30-header.txt', HEADER));
    expect(r.status).toBe(1);
    expect(r.lines).toHaveLength(1);
    expect(r.lines[0]).toMatch(/-header\.txt:1: error: no papers found/);
  });

  it('a 5 MB single line', () => {
    const r = parseFile(write('2025-05-30-huge.txt', 'word '.repeat(1_048_576)));
    expect(r.status).toBe(1);
    expect(r.lines[0]).toMatch(/:1: error: line is 5,242,880 characters long/);
    expect(r.papers).toEqual([]);
  });

  it('a 2,000-character title', () => {
    const title = 'Towards '.repeat(250).trim().padEnd(2000, 'x');
    const r = parseFile(
      write('2025-05-30-title.txt', `${HEADER}${title}\n\n${ABSTRACT}\n\nGood Paper\n\n${ABSTRACT}\n`),
    );
    expect(r.status).toBe(1);
    expect(r.lines).toHaveLength(1);
    expect(r.lines[0]).toMatch(/:11: error: title is 2,000 characters long \(limit 300\)/);
    expect(r.papers.map((p) => p.title)).toEqual(['Good Paper']);
  });

  it('the same title twice in one day: merged, with a warning', () => {
    const path = write('2025-05-30-dup.txt', `${HEADER}Paper A\n\n${ABSTRACT}\n\nPaper A\n\n${ABSTRACT}\n`);
    const r = parseFile(path);
    expect(r.status).toBe(0);
    expect(r.papers.map((p) => p.title)).toEqual(['Paper A']);
    expect(r.lines).toEqual([
      `${path}:15: warning: "Paper A" appears again on this day (first at line 11): merged into one paper`,
    ]);
  });

  it('a date line that disagrees with the file name', () => {
    const r = parseFile(write('2025-05-31.txt', `${HEADER}Paper A\n\n${ABSTRACT}\n`));
    expect(r.status).toBe(1);
    expect(r.lines[0]).toMatch(
      /:9: error: the date line "May 30" does not match 2025-05-31 from the file name/,
    );
  });

  it('no year anywhere', () => {
    const r = parseFile(write('scrape.txt', `${HEADER}Paper A\n\n${ABSTRACT}\n`));
    expect(r.status).toBe(1);
    expect(r.lines[0]).toMatch(
      /:9: error: the date line "May 30" has no year: name the file 2025-05-30\.txt/,
    );
  });

  it('a file that does not exist', () => {
    const r = parseFile(join(dir, 'missing.txt'));
    expect(r.status).toBe(1);
    expect(r.lines[0]).toMatch(/missing\.txt:1: error: cannot read: no such file/);
  });
});

describe('digest usage', () => {
  it('exits 2 on bad usage with a pointer to --help', () => {
    for (const args of [
      ['parse'],
      ['parse', '--date', '2025-02-30', 'x.txt'],
      ['parse', '--nope', 'x'],
      ['frobnicate'],
      [],
    ]) {
      const r = runCli(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('prints help for every command', () => {
    for (const command of ['parse', 'check', 'add']) {
      const r = runCli([command, '--help']);
      expect(r.status).toBe(0);
      expect(r.stdout).toContain(`npm run digest -- ${command}`);
    }
  });

  it('parse prints a readable summary without --json', () => {
    const r = runCli(['parse', 'tests/fixtures/seed/2025-05-30.txt']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Qwen2 Technical Report');
    expect(r.stdout.trim().split('\n').pop()).toBe(
      '41 papers from 1 file over 1 day; 0 merged duplicates, 0 warnings, 0 errors',
    );
  });

  it('stops quietly when its reader closes the pipe early', () => {
    const papers = Array.from(
      { length: 600 },
      (_, i) => `Paper number ${i} on a new method\n\n${ABSTRACT}\n`,
    );
    const path = write('2025-05-30-many.txt', HEADER + papers.join('\n'));
    // `head` exits after 100 bytes of about 200 kB; pipefail gives the CLI's own exit code.
    const r = runCliPiped(['parse', path, '--json'], 'head -c 100 > /dev/null');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('check reports the shipped content', () => {
    const r = runCli(['check']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^days: \d+, papers: \d+, merged duplicates: \d+, warnings: \d+, errors: 0$/m);
  });
});
