import { describe, expect, it } from 'vitest';
import { builtInstructionChain, readInstructions } from '../../src/verify/instructions.ts';

describe('readInstructions', () => {
  it('joins continuations, skips comments inside them, and keeps the start line', () => {
    const text = 'FROM debian\n# comment\nRUN apt-get update \\\n # inside\n  && apt-get install -y curl\nCMD ["x"]\n';
    expect(readInstructions(text)).toEqual([
      { line: 1, endLine: 1, keyword: 'FROM', text: 'FROM debian' },
      { line: 3, endLine: 5, keyword: 'RUN', text: 'RUN apt-get update && apt-get install -y curl' },
      { line: 6, endLine: 6, keyword: 'CMD', text: 'CMD ["x"]' },
    ]);
  });

  it('honours the escape directive and CRLF', () => {
    const text = '# escape=`\r\nFROM windows\r\nRUN dir `\r\n  c:\\\r\nUSER x\r\n';
    expect(readInstructions(text).map((i) => [i.line, i.keyword, i.text])).toEqual([
      [2, 'FROM', 'FROM windows'],
      [3, 'RUN', 'RUN dir c:\\'],
      [5, 'USER', 'USER x'],
    ]);
  });

  it('skips heredoc bodies, including <<- with tabs and quoted delimiters', () => {
    const text = 'FROM a\nRUN <<EOF\nFROM not-an-instruction\nEOF\nCOPY <<-"END" /f\n\tbody\n\tEND\nCMD x\n';
    expect(readInstructions(text).map((i) => [i.line, i.keyword])).toEqual([
      [1, 'FROM'],
      [2, 'RUN'],
      [5, 'COPY'],
      [8, 'CMD'],
    ]);
  });

  it('never throws on junk and an unterminated continuation or heredoc', () => {
    expect(() => readInstructions('RUN a \\')).not.toThrow();
    expect(readInstructions('RUN <<EOF\nno end').map((i) => i.keyword)).toEqual(['RUN']);
    expect(readInstructions('')).toEqual([]);
  });
});

describe('builtInstructionChain', () => {
  const text = 'ARG BASE=busybox\nFROM $BASE AS base\nRUN a\nFROM golang AS build\nRUN b\nFROM base AS final\nCOPY --from=build /x /x\nFROM scratch AS other\n';
  it('follows FROM <stage> back to the stage built from an image', () => {
    expect(builtInstructionChain(text, 'final').map((i) => i.line)).toEqual([2, 3, 7]);
  });
  it('defaults to the last stage', () => {
    expect(builtInstructionChain(text).map((i) => i.line)).toEqual([8]);
  });
});
