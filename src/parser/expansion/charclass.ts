/**
 * Character classes with Go's `unicode` package semantics, which BuildKit's
 * lexer uses to read variable names and to split words. All take a code point.
 */

const UNICODE_LETTER = /^\p{L}$/u;
const UNICODE_DECIMAL_DIGIT = /^\p{Nd}$/u;

/** unicode.IsSpace: ASCII blanks, NEL, NBSP and the White_Space property. */
export function isGoSpace(cp: number): boolean {
  if (cp <= 0xff) {
    return cp === 0x20 || (cp >= 0x09 && cp <= 0x0d) || cp === 0x85 || cp === 0xa0;
  }
  return (
    cp === 0x1680 ||
    (cp >= 0x2000 && cp <= 0x200a) ||
    cp === 0x2028 ||
    cp === 0x2029 ||
    cp === 0x202f ||
    cp === 0x205f ||
    cp === 0x3000
  );
}

/** unicode.IsDigit: general category Nd. */
export function isGoDigit(cp: number): boolean {
  if (cp < 0x80) return cp >= 0x30 && cp <= 0x39;
  return UNICODE_DECIMAL_DIGIT.test(String.fromCodePoint(cp));
}

/** unicode.IsLetter: general category L. */
export function isGoLetter(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
  return UNICODE_LETTER.test(String.fromCodePoint(cp));
}

/** Size in UTF-16 code units of the code point that starts at `index`. */
export function codePointSize(text: string, index: number): number {
  const unit = text.charCodeAt(index);
  if (unit >= 0xd800 && unit <= 0xdbff) {
    const low = text.charCodeAt(index + 1);
    if (low >= 0xdc00 && low <= 0xdfff) return 2;
  }
  return 1;
}

/**
 * POSIX special parameters (@ * # ? - $ ! 0): never set in a Dockerfile, but
 * BuildKit reads each as a one-character name.
 */
export function isSpecialParameter(cp: number): boolean {
  return (
    cp === 0x40 || cp === 0x2a || cp === 0x23 || cp === 0x3f || cp === 0x2d || cp === 0x24 || cp === 0x21 || cp === 0x30
  );
}
