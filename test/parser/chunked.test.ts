/**
 * parseDockerfile lexes a large file a chunk at a time (so its lexer tokens are never all alive
 * at once). Chunks must not show: with chunks of 1, 7 and 61 characters (every line boundary
 * becomes a chunk boundary) every file parses to the same tree, errors and warnings as in one
 * pass. Token soup, the corpus and the edge cases of the chunking itself (heredocs running past a
 * chunk, loose terminators, continuations, CRLF, a BOM, directives) are compared.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allTokens, parseDockerfile } from '../../src/parser/index.ts';
import { SHARED } from '../helpers/shared.ts';

const SIZES = [1, 7, 61];

function expectSameParse(text: string, sizes: readonly number[] = SIZES): void {
  const whole = parseDockerfile(text);
  for (const lexChunkChars of sizes) {
    const chunked = parseDockerfile(text, { lexChunkChars });
    expect(chunked.nodes).toEqual(whole.nodes);
    expect(chunked.errors).toEqual(whole.errors);
    expect(chunked.warnings).toEqual(whole.warnings);
    expect(chunked.directives).toEqual(whole.directives);
    expect(allTokens(chunked)).toEqual(allTokens(whole));
  }
}

const edgeCases: Record<string, string> = {
  'heredoc longer than a chunk': 'FROM busybox\nRUN <<EOF\n' + 'echo line\n'.repeat(40) + 'EOF\nRUN true\n',
  'two heredocs on one line': 'FROM busybox\nCOPY <<A <<B /x/\na\n  A\nA\nb\nB\nRUN true\n',
  'loose terminator before the exact one': 'FROM busybox\nRUN <<EOF\necho 1\n EOF \necho 2\nEOF\nRUN true\n',
  'loose terminator only': 'FROM busybox\nRUN <<EOF\necho 1\n EOF \nRUN true\n',
  'unterminated heredoc': 'FROM busybox\nRUN <<EOF\necho 1\necho 2\n',
  'chomped heredoc': 'FROM busybox\nRUN <<-EOF\n\techo 1\n\tEOF\nRUN true\n',
  'continuations with comments and empty lines': 'FROM busybox\nRUN a \\\n# c\n\n  b \\\n\n c\nRUN d \\\n',
  'escape directive and backtick continuations': '# escape=`\nFROM busybox\nRUN a `\n  b\nRUN c\n',
  'directives, BOM and CRLF': '\uFEFF# syntax=docker/dockerfile:1\r\n# check=skip=all\r\nFROM busybox\r\nRUN a \\\r\n b\r\n\r\nCMD x\r\n',
  'a BOM character at the start of a later line': 'FROM busybox\n\uFEFFRUN a\nRUN b\n',
  'lone CRs and blanks': 'FROM busybox\r\rRUN a\r\n   \n\t\nRUN b   \\  \n\n',
  'no final newline': 'FROM busybox\nRUN a \\\n b',
  'empty file': '',
  'only blank lines': '\n\n  \n',
};

describe('chunked lexing gives the one-pass parse', () => {
  for (const [name, text] of Object.entries(edgeCases)) it(name, () => expectSameParse(text));

  it('on Dockerfile-like token soup', () => {
    const fragments = [
      'FROM ', 'RUN ', 'COPY ', 'ENV ', 'CMD ', '\\', '`', '\n', '\r\n', '\r', ' ', '\t', '#', '# escape=`\n',
      '<<EOF', '<<-EOF', 'EOF', ' EOF ', '\tEOF', '"', '=', '$', 'x', '\uFEFF', '\u00a0',
    ];
    const soup = fc.array(fc.constantFrom(...fragments), { maxLength: 80 }).map((parts) => parts.join(''));
    fc.assert(fc.property(soup, (text) => expectSameParse(text)), { numRuns: 1500 });
  });

  it('on every corpus file', () => {
    const dir = join(SHARED, 'corpus/real');
    const files = readdirSync(dir).filter((f) => f !== 'README.md');
    expect(files.length).toBeGreaterThan(2800);
    // chunks of one character: every line boundary of every file is a chunk boundary
    for (const name of files) expectSameParse(readFileSync(join(dir, name), 'utf8'), [1]);
  });
});
