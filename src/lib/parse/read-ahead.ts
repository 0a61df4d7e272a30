/**
 * Reading files ahead on a second thread. Opening, reading and closing a thousand day files took
 * a seventh of the time to read, parse and merge them, and it needs no JavaScript heap: a worker
 * thread does it into shared memory while this thread parses the files before. This thread takes
 * each file's bytes from there, in order, or reads the file itself when the worker has not got to
 * it, so a worker that is slow to start, or never starts, costs only the files it did not read.
 */
import { Worker } from 'node:worker_threads';

/** Bytes per slot: larger files are left to the caller, which reads them whole (see `readDays`). */
export const SLOT_BYTES = 128 * 1024;
/** Slots the worker fills ahead of the file being parsed. */
export const SLOTS = 32;
/** How long to wait for a file the worker is reading (about 50 µs) before reading it here instead. */
const WAIT_MS = 1;

// The control array: four counters, then one state per file, then one length per file.
/** The next file not yet claimed by either thread. */
const NEXT = 0;
/** Files this thread is done with: their slots may be filled again. */
const CONSUMED = 1;
/** Set when this thread stops early: the worker stops too. */
const STOP = 2;
/** The `CONSUMED` count the waiting worker needs, or 0 when it is not waiting. */
const WAKE_AT = 3;
const HEADER = 4;
/** A file's states: claimed, read into its slot, or to be read by this thread. */
const PENDING = 0;
const READY = 1;
const OWN = 2;

/**
 * The worker, as plain JavaScript: it must run without the TypeScript loader the caller may use.
 * File `i` goes to slot `i % SLOTS`, once this thread is done with file `i - SLOTS`.
 */
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { openSync, fstatSync, readSync, closeSync } = require('node:fs');
const [NEXT, CONSUMED, STOP, WAKE_AT, HEADER, PENDING, READY, OWN] = [${[NEXT, CONSUMED, STOP, WAKE_AT, HEADER, PENDING, READY, OWN]}];
parentPort.on('message', ({ paths, control, ring }) => {
  const n = paths.length;
  const slots = ${SLOTS};
  const slotBytes = ${SLOT_BYTES};
  const bytes = new Uint8Array(ring);
  for (;;) {
    if (Atomics.load(control, STOP)) return;
    const i = Atomics.load(control, NEXT);
    if (i >= n) return;
    if (Atomics.load(control, CONSUMED) <= i - slots) {
      // Woken once half the slots are free, not for every one: each wake is a system call.
      Atomics.store(control, WAKE_AT, i - slots / 2 + 1);
      for (let done; (done = Atomics.load(control, CONSUMED)) <= i - slots / 2; ) {
        if (Atomics.load(control, STOP)) return;
        Atomics.wait(control, CONSUMED, done);
      }
      Atomics.store(control, WAKE_AT, 0);
      continue;
    }
    // Claimed only once its slot is free, so no file waits on a sleeping worker.
    if (Atomics.compareExchange(control, NEXT, i, i + 1) !== i) continue;
    let length = -1;
    try {
      const fd = openSync(paths[i], 'r');
      try {
        const size = fstatSync(fd).size;
        if (size > 0 && size <= slotBytes) {
          const start = (i % slots) * slotBytes;
          length = 0;
          while (length < size) {
            const read = readSync(fd, bytes, start + length, size - length, null);
            if (read === 0) break;
            length += read;
          }
        }
      } finally {
        closeSync(fd);
      }
    } catch {
      length = -1;
    }
    if (length >= 0) control[HEADER + n + i] = length;
    Atomics.compareExchange(control, HEADER + i, PENDING, length >= 0 ? READY : OWN);
    Atomics.notify(control, HEADER + i);
  }
});
`;

let worker: Worker | undefined;
let ring: SharedArrayBuffer | undefined;
/** Whether a read-ahead is using the worker: until it is closed, another reads without one. */
let open = false;

/** The files `paths`, read ahead in order; call `close` when done, also on an exception. */
export class ReadAhead {
  private readonly control: Int32Array;
  private readonly bytes: Buffer | undefined;
  private readonly count: number;

  constructor(paths: readonly string[]) {
    this.count = paths.length;
    this.control = new Int32Array(new SharedArrayBuffer(4 * (HEADER + 2 * paths.length)));
    if (open || paths.length < 2) return;
    try {
      ring ??= new SharedArrayBuffer(SLOTS * SLOT_BYTES);
      worker ??= startWorker();
      worker.postMessage({ paths, control: this.control, ring });
      this.bytes = Buffer.from(ring);
      open = true;
    } catch {
      // No worker: every file is read by the caller.
    }
  }

  /**
   * The bytes of file `i` (files are taken in order), valid until `done(i)`; `undefined` when the
   * caller must read the file itself: the worker did not get to it, it is over `SLOT_BYTES` or
   * empty, or reading it failed (the caller's read then reports why).
   */
  take(i: number): Buffer | undefined {
    const { control, bytes } = this;
    if (!bytes) return undefined;
    let state = Atomics.load(control, HEADER + i);
    if (state === PENDING) {
      if (Atomics.compareExchange(control, NEXT, i, i + 1) === i) return undefined;
      while ((state = Atomics.load(control, HEADER + i)) === PENDING) {
        if (
          Atomics.wait(control, HEADER + i, PENDING, WAIT_MS) === 'timed-out' &&
          Atomics.compareExchange(control, HEADER + i, PENDING, OWN) === PENDING
        ) {
          return undefined;
        }
      }
    }
    if (state !== READY) return undefined;
    const start = (i % SLOTS) * SLOT_BYTES;
    return bytes.subarray(start, start + control[HEADER + this.count + i]!);
  }

  /** Whether the worker has read file `i` and it waits in its slot to be taken. */
  prefetched(i: number): boolean {
    return Atomics.load(this.control, HEADER + i) === READY;
  }

  /** Frees file `i`'s slot for a file ahead. */
  done(i: number): void {
    const { control } = this;
    Atomics.store(control, CONSUMED, i + 1);
    const wakeAt = Atomics.load(control, WAKE_AT);
    if (wakeAt !== 0 && i + 1 >= wakeAt) Atomics.notify(control, CONSUMED);
  }

  /** Stops the worker's reading for this list. */
  close(): void {
    if (!this.bytes) return;
    const { control } = this;
    Atomics.store(control, STOP, 1);
    // Changed as well as notified: a worker between its check of STOP and its wait then does not sleep.
    Atomics.store(control, CONSUMED, 0x7fffffff);
    Atomics.notify(control, CONSUMED);
    open = false;
  }
}

function startWorker(): Worker {
  // No loader flags (`--import tsx`): the worker's source is plain JavaScript.
  const started = new Worker(WORKER_SOURCE, { eval: true, execArgv: [] });
  started.unref();
  started.on('error', () => {
    worker = undefined;
  });
  return started;
}
