import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ReadAhead, SLOT_BYTES, SLOTS } from '../../../src/lib/parse/read-ahead';

const root = mkdtempSync(join(tmpdir(), 'read-ahead-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Files of distinct bytes and sizes, three times as many as the worker has slots. */
function writeFiles(prefix: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const path = join(root, `${prefix}-${i}.txt`);
    writeFileSync(path, `${prefix} file ${i}\n`.repeat(1 + ((i * 37) % 90)));
    return path;
  });
}

/** Waits until `ready()` holds, for the worker thread to get somewhere. */
async function until(ready: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!ready()) {
    if (Date.now() > deadline) throw new Error(`the read-ahead worker never ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

describe('ReadAhead', () => {
  it('gives each file its own bytes, from slots the worker fills again only once they are done', async () => {
    const paths = writeFiles('many', SLOTS * 3);
    const ahead = new ReadAhead(paths);
    try {
      await until(() => ahead.prefetched(SLOTS - 1), 'filled its slots');
      // Time to overwrite a slot still in use, were the worker to do so.
      await new Promise((resolve) => setTimeout(resolve, 20));
      for (let i = 0; i < paths.length; i++) {
        await until(() => ahead.prefetched(i), `read file ${i}`);
        expect(ahead.take(i)?.toString()).toBe(readFileSync(paths[i]!, 'utf8'));
        ahead.done(i);
      }
    } finally {
      ahead.close();
    }
  });

  it('leaves to the caller files that are empty, over a slot, or unreadable, and reads on past them', async () => {
    const [before, after, last] = writeFiles('around', 3);
    const empty = join(root, 'empty.txt');
    const large = join(root, 'large.txt');
    writeFileSync(empty, '');
    writeFileSync(large, 'x'.repeat(SLOT_BYTES + 1));
    const paths = [before!, empty, large, join(root, 'missing.txt'), root, after!, last!];
    const ahead = new ReadAhead(paths);
    try {
      await until(() => ahead.prefetched(5), 'read past the files it leaves');
      for (let i = 0; i < paths.length; i++) {
        const bytes = ahead.take(i);
        if (i === 0 || i >= 5) expect(bytes?.toString()).toBe(readFileSync(paths[i]!, 'utf8'));
        else expect(bytes).toBeUndefined();
        ahead.done(i);
      }
    } finally {
      ahead.close();
    }
  });

  it('stops reading a list when closed early, and reads the next one', async () => {
    const first = new ReadAhead(writeFiles('closed', SLOTS * 2));
    await until(() => first.prefetched(0), 'read the first file');
    first.take(0);
    first.done(0);
    first.close();
    const paths = writeFiles('next', SLOTS + 5);
    const next = new ReadAhead(paths);
    try {
      for (let i = 0; i < paths.length; i++) {
        await until(() => next.prefetched(i), `read file ${i} of the next list`);
        expect(next.take(i)?.toString()).toBe(readFileSync(paths[i]!, 'utf8'));
        next.done(i);
      }
    } finally {
      next.close();
    }
  });

  it('leaves every file to the caller while another read-ahead holds the slots', async () => {
    const held = writeFiles('held', SLOTS - 2);
    const first = new ReadAhead(held);
    try {
      await until(() => first.prefetched(held.length - 1), 'read the whole first list');
      const second = new ReadAhead(writeFiles('second', SLOTS - 2));
      // Time for the worker to read the second list into slots the first still holds, were it to.
      await new Promise((resolve) => setTimeout(resolve, 50));
      for (let i = 0; i < held.length; i++) {
        expect(second.take(i)).toBeUndefined();
        second.done(i);
        expect(first.take(i)?.toString()).toBe(readFileSync(held[i]!, 'utf8'));
        first.done(i);
      }
      second.close();
    } finally {
      first.close();
    }
  });
});
