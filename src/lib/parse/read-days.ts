/**
 * Reading many day files into text. A file's text over 128 KB does not fit V8's regular heap
 * pages: each such string is allocated in its large-object space, which costs a young-generation
 * collection every few files (API JSON days are about 240 KB). Node instead keeps a string decoded
 * from 1 MB or more as Latin-1 outside the heap (an external string), and for ASCII bytes Latin-1
 * gives the same text as UTF-8. So large ASCII files are decoded in batches of a few megabytes,
 * each file's text a slice of its batch. Other files are decoded one by one by `parseDayBytes`
 * (smaller strings are cheap on the heap, and measured slower as slices of a batch).
 */
import { isAscii } from 'node:buffer';
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { parseDayBytes, parseDayText, type DayOptions, type ParsedDay } from './day-file';
import { ReadAhead, SLOT_BYTES } from './read-ahead';

/** Bytes per batch: above the 1 MB from which Node decodes into an external string. */
const BATCH_BYTES = 4 * 1024 * 1024;
/** Larger one-byte strings go to V8's large-object space. The read-ahead's slots are this size. */
const LARGE_STRING_BYTES = SLOT_BYTES;

/**
 * Reads and parses the day files `names` (paths relative to `root`, and named so in messages),
 * in order: the same days as `parseDayBytes` gives for each file. A worker thread reads files
 * ahead (see `ReadAhead`) while this one parses.
 */
export function readDays(names: readonly string[], root: string, options: DayOptions = {}): ParsedDay[] {
  const days: ParsedDay[] = [];
  const batch = new Batch(days, options);
  const paths = names.map((name) => join(root, name));
  const ahead = new ReadAhead(paths);
  try {
    for (let i = 0; i < names.length; i++) {
      const name = names[i]!;
      const bytes = ahead.take(i) ?? readReused(paths[i]!);
      // A NUL byte is ASCII but makes the file binary: `parseDayBytes` reports it.
      if (bytes.length > LARGE_STRING_BYTES && isAscii(bytes) && bytes.indexOf(0) === -1) {
        batch.add(name, bytes);
      } else {
        batch.flush();
        days.push(parseDayBytes(bytes, name, options));
      }
      ahead.done(i);
    }
  } finally {
    ahead.close();
  }
  batch.flush();
  return days;
}

/** Large ASCII files held back to be decoded as one string, and parsed into `days` in order. */
class Batch {
  private files: { name: string; bytes: Buffer }[] = [];
  private bytes = 0;

  constructor(
    private readonly days: ParsedDay[],
    private readonly options: DayOptions,
  ) {}

  /** Adds a file whose bytes the caller will not reuse; decodes the batch once it is full. */
  add(name: string, bytes: Buffer): void {
    this.files.push({ name, bytes });
    this.bytes += bytes.length;
    if (this.bytes >= BATCH_BYTES) this.flush();
  }

  /** Decodes and parses the files held back. */
  flush(): void {
    if (this.files.length === 0) return;
    const text = Buffer.concat(
      this.files.map((file) => file.bytes),
      this.bytes,
    ).toString('latin1');
    let start = 0;
    for (const { name, bytes } of this.files) {
      this.days.push(parseDayText(text.slice(start, start + bytes.length), name, this.options));
      start += bytes.length;
    }
    this.files = [];
    this.bytes = 0;
  }
}

/** Where files are read: one buffer for all, as a new one per file costs its allocation each time. */
const readBuffer = Buffer.allocUnsafe(LARGE_STRING_BYTES);

/**
 * The bytes of the file at `path`, as `readFileSync` gives them: in a buffer the next call reuses,
 * unless the file is large enough to be batched (its bytes are then kept until the batch is
 * decoded) or the system does not tell its size (0), when `readFileSync` reads it.
 */
function readReused(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size === 0 || size > LARGE_STRING_BYTES) return readFileSync(fd);
    let length = 0;
    while (length < size) {
      const read = readSync(fd, readBuffer, length, size - length, null);
      if (read === 0) break;
      length += read;
    }
    return readBuffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}
