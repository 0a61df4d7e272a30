/** The `--date` and `--shape` options `parse` and `add` share, checked once. */
import { isIsoDate } from '../lib/dates';
import { SHAPES, type DayOptions, type ShapeName } from '../lib/parse/day-file';
import { UsageError } from './cli-error';

/** parseArgs option specs for `--date` and `--shape`. */
export const DAY_OPTIONS = {
  date: { type: 'string' },
  shape: { type: 'string' },
} as const;

/** Checks `--date` and `--shape` and turns them into parser options. */
export function dayOptionsFrom(values: { date?: string; shape?: string }): DayOptions {
  const options: DayOptions = {};
  if (values.date !== undefined) {
    if (!isIsoDate(values.date))
      throw new UsageError(`--date must be a real YYYY-MM-DD day, not "${values.date}"`);
    options.date = values.date;
  }
  if (values.shape !== undefined) {
    if (!(SHAPES as readonly string[]).includes(values.shape)) {
      throw new UsageError(`--shape must be one of ${SHAPES.join(', ')}, not "${values.shape}"`);
    }
    options.shape = values.shape as ShapeName;
  }
  return options;
}
