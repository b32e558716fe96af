/**
 * Bytes <-> text for files the fixer rewrites, lossless whatever the encoding: UTF-8 is
 * decoded as UTF-8 (a BOM kept as U+FEFF), and each byte that is not part of a valid UTF-8
 * sequence (a Latin-1 `é`, a stray 0xFF) becomes a lone surrogate U+DC80..U+DCFF, which
 * `encodeText` turns back into that byte (Python's `surrogateescape`). Valid UTF-8 cannot
 * encode a surrogate, so no text read from a file is ambiguous: `encodeText(decodeText(b))`
 * is `b`, byte for byte. The linter sees one odd character per odd byte, where a plain
 * UTF-8 decode would have written U+FFFD back into every such place.
 */

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const ESCAPE = 0xdc00;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function decodeText(bytes: Uint8Array): string {
  try {
    return strict.decode(bytes);
  } catch {
    return decodeEscaping(bytes);
  }
}

export function encodeText(text: string): Uint8Array {
  if (!LONE_SURROGATE.test(text)) return Buffer.from(text, 'utf8');
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        pushUtf8(out, 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00));
        i++;
        continue;
      }
    }
    // an escaped byte; any other lone surrogate cannot come from a file and is written as U+FFFD
    if (c >= ESCAPE + 0x80 && c <= ESCAPE + 0xff) out.push(c - ESCAPE);
    else pushUtf8(out, c >= 0xd800 && c <= 0xdfff ? 0xfffd : c);
  }
  return Uint8Array.from(out);
}

function decodeEscaping(bytes: Uint8Array): string {
  let out = '';
  let run = 0; // start of the current run of valid sequences, decoded in one call
  let i = 0;
  while (i < bytes.length) {
    const length = sequenceLength(bytes, i);
    if (length > 0) {
      i += length;
      continue;
    }
    out += strict.decode(bytes.subarray(run, i)) + String.fromCharCode(ESCAPE + bytes[i]!);
    run = ++i;
  }
  return out + strict.decode(bytes.subarray(run));
}

/** the length of the valid UTF-8 sequence at `i` (RFC 3629: no overlong forms, surrogates or code points above U+10FFFF), 0 if none */
function sequenceLength(b: Uint8Array, i: number): number {
  const c = b[i]!;
  if (c < 0x80) return 1;
  const cont = (k: number, lo = 0x80, hi = 0xbf) => i + k < b.length && b[i + k]! >= lo && b[i + k]! <= hi;
  if (c >= 0xc2 && c <= 0xdf) return cont(1) ? 2 : 0;
  if (c >= 0xe0 && c <= 0xef) {
    const lo = c === 0xe0 ? 0xa0 : 0x80;
    const hi = c === 0xed ? 0x9f : 0xbf;
    return cont(1, lo, hi) && cont(2) ? 3 : 0;
  }
  if (c >= 0xf0 && c <= 0xf4) {
    const lo = c === 0xf0 ? 0x90 : 0x80;
    const hi = c === 0xf4 ? 0x8f : 0xbf;
    return cont(1, lo, hi) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

function pushUtf8(out: number[], cp: number): void {
  if (cp < 0x80) out.push(cp);
  else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
  else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
}
