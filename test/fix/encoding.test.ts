import { describe, expect, it } from 'vitest';
import { decodeText, encodeText } from '../../src/fix/encoding.ts';

const bytes = (...b: number[]) => Uint8Array.from(b);

describe('decodeText / encodeText', () => {
  it('reads UTF-8 as UTF-8, the BOM kept', () => {
    const utf8 = Buffer.from('\uFEFFLABEL a="caf\u00e9 \u{1F433}"\n', 'utf8');
    expect(decodeText(utf8)).toBe('\uFEFFLABEL a="caf\u00e9 \u{1F433}"\n');
    expect(Buffer.from(encodeText(decodeText(utf8)))).toEqual(utf8);
  });

  it.each([
    ['Latin-1 é', bytes(0x63, 0x61, 0x66, 0xe9, 0x0a)],
    ['a stray 0xFF and 0x80', bytes(0xff, 0x41, 0x80)],
    ['an overlong slash', bytes(0xc0, 0xaf)],
    ['an encoded surrogate (CESU-8)', bytes(0xed, 0xa0, 0x80, 0xed, 0xb0, 0x80)],
    ['a sequence cut short at the end', bytes(0x41, 0xe2, 0x82)],
    ['above U+10FFFF', bytes(0xf4, 0x90, 0x80, 0x80)],
    ['valid and invalid mixed', bytes(0xc3, 0xa9, 0xe9, 0xf0, 0x9f, 0x90, 0xb3, 0xa9)],
  ])('gives back every byte of %s', (_name, input) => {
    const text = decodeText(input);
    expect(Buffer.from(encodeText(text))).toEqual(Buffer.from(input));
  });

  it('shows one odd character per byte that is not UTF-8, and keeps the valid ones', () => {
    expect(decodeText(bytes(0x63, 0xe9, 0xc3, 0xa9))).toBe('c\uDCE9\u00e9');
  });

  it('keeps an escaped byte through an edit next to it', () => {
    const text = decodeText(bytes(0x41, 0xe9, 0x42));
    const edited = `${text.slice(0, 2)}-${text.slice(2)}`;
    expect(Buffer.from(encodeText(edited))).toEqual(Buffer.from([0x41, 0xe9, 0x2d, 0x42]));
  });
});
