/**
 * JSON-LD for a `<script type="application/ld+json">` element. Scraped titles may hold
 * `</script>` or `<!--`: escaping `<`, `>` and `&` as JSON `\u` escapes keeps the data intact
 * while no sequence can end or alter the script element.
 */
export function jsonLdScript(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
