/**
 * JSON-LD for a `<script type="application/ld+json">` element. Scraped titles may hold
 * `</script>` or `<!--`: escaping `<`, `>` and `&` as JSON `\u` escapes keeps the data intact
 * while no sequence can end or alter the script element.
 */
const ESCAPES: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/** `data` as JSON safe inside a script element (one pass over the text: it carries a whole abstract). */
export function jsonLdScript(data: unknown): string {
  return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (char) => ESCAPES[char]!);
}
