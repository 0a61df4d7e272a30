import { describe, expect, it } from 'vitest';
import { isIsoDate, isoDateInFileName, mostRecentYear, parseDateLine } from '../../src/lib/dates';

describe('parseDateLine', () => {
  it.each([
    ['May 30', { month: 5, day: 30 }],
    ['Mar 25', { month: 3, day: 25 }],
    ['Sept 3', { month: 9, day: 3 }],
    ['October 7, 2024', { month: 10, day: 7, year: 2024 }],
  ])('%s', (line, expected) => expect(parseDateLine(line)).toEqual(expected));
  it.each(['May', 'May 32', 'Maybe 3', 'Feb 30, 2025', 'Cross-lingual transfer'])(
    '%s is no date line',
    (line) => expect(parseDateLine(line)).toBeUndefined(),
  );
});

describe('dates', () => {
  it('reads ISO days from file names', () => {
    expect(isoDateInFileName('content/daily/2025-05-30.txt')).toBe('2025-05-30');
    expect(isoDateInFileName('x/daily-2025-05-30.md')).toBe('2025-05-30');
    expect(isoDateInFileName('2025-13-40.txt')).toBeUndefined();
    expect(isoDateInFileName('scrape.txt')).toBeUndefined();
  });
  it('checks real days', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
  });
  it('settles a yearless day on the most recent one not after today', () => {
    expect(mostRecentYear({ month: 5, day: 30 }, '2026-11-26')).toBe('2026-05-30');
    expect(mostRecentYear({ month: 12, day: 1 }, '2026-11-26')).toBe('2025-12-01');
    expect(mostRecentYear({ month: 11, day: 26 }, '2026-11-26')).toBe('2026-11-26');
    expect(mostRecentYear({ month: 2, day: 29 }, '2026-11-26')).toBe('2024-02-29');
  });
});
