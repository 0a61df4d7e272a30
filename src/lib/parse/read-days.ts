/**
 * Reading many day files into text. One string per file would put every file's text on V8's
 * heap: copied by each young-generation collection it survives, and for files over 128 KB
 * allocated in its large-object space, which costs a collection every few files. Node instead
 * keeps a decoded string of 1 MB or more outside the heap (an external string) when it is decoded
 * as Latin-1 — which for ASCII bytes is the same text UTF-8 decoding gives. So ASCII files are
 * decoded in batches of a few megabytes, each file's text a slice of its batch; other files are
 * decoded one by one, as `parseDayBytes` always does.
 */
import { isAscii } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDayBytes, parseDayText, type DayOptions, type ParsedDay } from './day-file';

/** Bytes per batch: above the 1 MB from which Node decodes into an external string. */
const BATCH_BYTES = 4 * 1024 * 1024;

/**
 * Reads and parses the day files `names` (paths relative to `root`, and named so in messages),
 * in order: the same days as `parseDayBytes` gives for each file.
 */
export function readDays(names: readonly string[], root: string, options: DayOptions = {}): ParsedDay[] {
  const days: ParsedDay[] = [];
  let batch: { name: string; bytes: Buffer }[] = [];
  let batchBytes = 0;
  const flush = () => {
    if (batch.length === 0) return;
    const text = Buffer.concat(
      batch.map((file) => file.bytes),
      batchBytes,
    ).toString('latin1');
    let start = 0;
    for (const { name, bytes } of batch) {
      days.push(parseDayText(text.slice(start, start + bytes.length), name, options));
      start += bytes.length;
    }
    batch = [];
    batchBytes = 0;
  };
  for (const name of names) {
    const bytes = readFileSync(join(root, name));
    // A NUL byte is ASCII but makes the file binary: `parseDayBytes` reports it.
    if (isAscii(bytes) && bytes.indexOf(0) === -1) {
      batch.push({ name, bytes });
      batchBytes += bytes.length;
      if (batchBytes >= BATCH_BYTES) flush();
    } else {
      flush();
      days.push(parseDayBytes(bytes, name, options));
    }
  }
  flush();
  return days;
}
