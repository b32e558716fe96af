/** Helpers for the findings the `buildkit` preset words as BuildKit does (its messages are Go format strings). */

/** Go's `%q` of a string: double-quoted, `"` and `\` escaped, control characters as `\n`, `\t`, `\xNN` */
export function goQuote(text: string): string {
  return JSON.stringify(text).replace(/\\u00([0-1][0-9a-f])/g, (_, hex: string) => `\\x${hex}`);
}
