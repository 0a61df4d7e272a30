import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isIsoDate, isoDateInFileName, isRealDay, mostRecentYear, parseDateLine } from '../../src/lib/dates';

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

describe('isRealDay and isIsoDate', () => {
  /** The calendar as JavaScript's Date has it (which reads years before 100 as 19xx). */
  const dateSays = (year: number, month: number, day: number) => {
    const date = new Date(Date.UTC(year, month - 1, day));
    return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  };

  it('agree with the calendar of Date, day by day', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -5, max: 12000 }),
        fc.integer({ min: -1, max: 14 }),
        fc.integer({ min: -1, max: 33 }),
        (year, month, day) => {
          expect(isRealDay(year, month, day)).toBe(dateSays(year, month, day));
          const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
          expect(isIsoDate(iso)).toBe(/^\d{4}-\d{2}-\d{2}$/.test(iso) && dateSays(year, month, day));
        },
      ),
      { numRuns: 2000 },
    );
    expect(isRealDay(2000, 2, 29)).toBe(true);
    expect(isRealDay(1900, 2, 29)).toBe(false);
    expect(isRealDay(50, 1, 1)).toBe(false);
    expect(isIsoDate('2024-1-02')).toBe(false);
    expect(isIsoDate('2024-01-02\n')).toBe(false);
  });
});
