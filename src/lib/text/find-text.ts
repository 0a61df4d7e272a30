/**
 * Substring checks over whole files. V8 finds a short pattern by jumping between occurrences of
 * its first character, so a pattern that starts with a common letter (`huggingface…`,
 * `Markdown…`) crawls through prose while one that starts with a rare character flies.
 */

/**
 * Whether `text` contains `needle`, searched for through `anchor`: a part of `needle` that starts
 * with a character prose rarely has (`/`, `:`). Same answer as `text.includes(needle)`.
 */
export function includesVia(text: string, needle: string, anchor: string): boolean {
  const offset = needle.indexOf(anchor);
  if (offset === -1) throw new Error(`"${anchor}" is not part of "${needle}"`);
  for (let at = text.indexOf(anchor, offset); at !== -1; at = text.indexOf(anchor, at + 1)) {
    if (text.startsWith(needle, at - offset)) return true;
  }
  return false;
}
