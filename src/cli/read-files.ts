/** Reading the files a user names; an unreadable file is a problem on its line, not a crash. */
import { readFileSync } from 'node:fs';
import { parseDayBytes, type DayOptions, type ParsedDay } from '../lib/parse/day-file';

/** Parses each file; one that cannot be read becomes a parsed day with a single error. */
export function readDayFiles(files: readonly string[], options: DayOptions): ParsedDay[] {
  return files.map((file) => {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const reason =
        code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : String(code);
      return {
        file,
        papers: [],
        problems: [{ file, line: 1, level: 'error', message: `cannot read: ${reason}` }],
      };
    }
    return parseDayBytes(bytes, file, options);
  });
}
