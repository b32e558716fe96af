import { describe, expect, it } from 'vitest';
import { allTokens, nodeTokens, parseDockerfile, printDockerfile, type Instruction } from '../../src/parser/index.ts';

const parse = (text: string) => {
  const df = parseDockerfile(text);
  expect(printDockerfile(df)).toBe(text);
  return df;
};
const at = (text: string, span: { start: number; end: number }) => text.slice(span.start, span.end);
const only = (text: string): Instruction => {
  const df = parse(text);
  expect(df.errors).toEqual([]);
  return df.instructions[0]!;
};

describe('heredocs', () => {
  it('reads a RUN heredoc body and resumes right after the terminator', () => {
    const text = 'FROM alpine\nRUN <<EOF\necho hi\necho $HOME\nEOF\nUSER nobody\n';
    const df = parse(text);
    expect(df.errors).toEqual([]);
    const run = df.instructions[1]!;
    expect(run.heredocs).toHaveLength(1);
    expect(run.heredocs[0]).toMatchObject({ name: 'EOF', chomp: false, expand: true, content: 'echo hi\necho $HOME\n' });
    expect(at(text, run.heredocs[0]!.marker)).toBe('<<EOF');
    expect(df.instructions[2]!.keyword).toBe('USER');
    expect(df.lines.position(df.instructions[2]!.start).line).toBe(6);
  });

  it('handles <<- (tabs stripped from the terminator), quoted delimiters and several heredocs on one line', () => {
    const text = 'FROM alpine\nCOPY <<-"A" <<\'B\' /dest/\n\tfirst\n\tA\nsecond\nB\nRUN python3 <<PY\nprint(1)\nPY\n';
    const df = parse(text);
    expect(df.errors).toEqual([]);
    const copy = df.instructions[1]!;
    expect(copy.heredocs.map((h) => [h.name, h.chomp, h.expand, h.content])).toEqual([
      ['A', true, false, '\tfirst\n'],
      ['B', false, false, 'second\n'],
    ]);
    expect(df.instructions[2]!.heredocs[0]!.content).toBe('print(1)\n');
  });

  it('supports `RUN <<EOF bash`, fd prefixes, ONBUILD heredocs, and not exec form', () => {
    const df = parse('FROM a\nRUN <<EOF bash\nset -e\nEOF\nRUN 3<<EOF cat /dev/fd/3\nx\nEOF\nONBUILD RUN <<EOF\ny\nEOF\nRUN ["<<EOF"]\n');
    expect(df.errors).toEqual([]);
    expect(df.instructions[1]!.heredocs[0]!.content).toBe('set -e\n');
    expect(df.instructions[2]!.heredocs[0]!.fileDescriptor).toBe(3);
    const onbuild = df.instructions[3]!;
    expect(onbuild.heredocs[0]!.content).toBe('y\n');
    expect('trigger' in onbuild && onbuild.trigger?.heredocs[0]!.content).toBe('y\n');
    expect(df.instructions[4]!.heredocs).toEqual([]);
  });

  it('reports an unterminated heredoc with its position and keeps the file', () => {
    const text = 'FROM a\nRUN <<EOF\necho hi\n';
    const df = parse(text);
    expect(df.errors).toHaveLength(1);
    expect(df.errors[0]!.message).toMatch(/unterminated heredoc/);
    expect(at(text, df.errors[0]!)).toBe('<<EOF');
  });

  it('recovers at a terminator with stray blanks, and goes on linting after it', () => {
    const text = 'FROM a\nRUN <<EOF\necho hi\nEOF \nUSER x\n';
    const df = parse(text);
    expect(df.errors.map((e) => e.message)).toEqual([expect.stringMatching(/terminator/)]);
    expect(df.instructions.map((i) => i.keyword)).toEqual(['FROM', 'RUN', 'USER']);
  });
});

describe('continuations, comments and escape', () => {
  it('joins continuation lines, skipping comment and blank lines, with exact source mapping', () => {
    const text = 'RUN apt-get update \\\n  # why\n\n  && apt-get install -y curl\n';
    const ins = parse(text).instructions[0]!;
    expect(ins.logical.text).toBe('RUN apt-get update   && apt-get install -y curl');
    expect(ins.comments.map((c) => c.image)).toEqual(['  # why\n']);
    const i = ins.logical.text.indexOf('curl');
    expect(text.slice(ins.logical.toSource(i), ins.logical.toSource(i) + 4)).toBe('curl');
    expect(at(text, ins)).toBe(text.slice(0, -1));
  });

  it('warns about empty continuation lines as BuildKit does', () => {
    const df = parse('RUN a \\\n\n b\n');
    expect(df.warnings).toHaveLength(1);
  });

  it('uses the backtick escape from the directive (Windows files with C:\\ paths)', () => {
    const text = '# escape=`\r\nFROM mcr.microsoft.com/windows/servercore\r\nRUN dir C:\\ `\r\n    && echo done\r\nCOPY C:\\src C:\\dest\r\n';
    const df = parse(text);
    expect(df.escape).toBe('`');
    expect(df.errors).toEqual([]);
    expect(df.directives.map((d) => [d.name, d.value])).toEqual([['escape', '`']]);
    expect(df.instructions[1]!.logical.text).toBe('RUN dir C:\\     && echo done');
    expect('paths' in df.instructions[2]! && df.instructions[2].paths.map((p) => p.value)).toEqual(['C:\\src', 'C:\\dest']);
  });

  it('reads syntax, escape and check directives only at the top', () => {
    const df = parse('# syntax=docker/dockerfile:1\n# check=skip=JSONArgsRecommended;error=true\nFROM a\n# escape=`\n');
    expect(df.directives.map((d) => [d.name, d.value])).toEqual([
      ['syntax', 'docker/dockerfile:1'],
      ['check', 'skip=JSONArgsRecommended;error=true'],
    ]);
    expect(df.escape).toBe('\\');
  });

  it('keeps a BOM and CRLF line endings', () => {
    const df = parse('\uFEFFFROM a\r\nRUN b \\\r\n c\r\n');
    expect(df.hasBom).toBe(true);
    expect(df.instructions[1]!.logical.text).toBe('RUN b  c');
  });
});

describe('flags and arguments', () => {
  it('parses RUN --mount options, --network and the shell form with positions', () => {
    const text = 'RUN --mount=type=cache,target=/root/.cache,sharing=locked --network=none pip install x\n';
    const ins = only(text);
    expect(ins.flags.map((f) => [f.name, f.value])).toEqual([
      ['mount', 'type=cache,target=/root/.cache,sharing=locked'],
      ['network', 'none'],
    ]);
    expect(ins.flags[0]!.options.map((o) => [o.key, o.value, at(text, o)])).toEqual([
      ['type', 'cache', 'type=cache'],
      ['target', '/root/.cache', 'target=/root/.cache'],
      ['sharing', 'locked', 'sharing=locked'],
    ]);
    expect('command' in ins && ins.command).toMatchObject({ kind: 'shell', text: 'pip install x' });
    expect(at(text, ins.restSpan)).toBe('pip install x');
  });

  it('parses COPY flags in any order, and exec form elements with spans', () => {
    const text = 'COPY --link --chmod=755 --from=build /src /a b/ /dst/\nCMD ["node", "server.js"]\n';
    const df = parse(text);
    const copy = df.instructions[0]!;
    expect(copy.flags.map((f) => f.name)).toEqual(['link', 'chmod', 'from']);
    expect('sources' in copy && copy.sources.map((s) => s.value)).toEqual(['/src', '/a', 'b/']);
    expect('destination' in copy && copy.destination?.value).toBe('/dst/');
    const cmd = df.instructions[1]!;
    expect('command' in cmd && cmd.command?.kind === 'exec' && cmd.command.elements.map((e) => at(text, e))).toEqual(['"node"', '"server.js"']);
  });

  it('falls back to shell form on invalid JSON, as BuildKit does', () => {
    const ins = only("CMD ['echo', 'x']\n");
    expect('command' in ins && ins.command?.kind).toBe('shell');
  });

  it('parses FROM --platform and AS, ENV both forms, ARG with and without default, EXPOSE', () => {
    const text = 'FROM --platform=$BUILDPLATFORM golang:1.22 AS build\nENV A=1 B="two words"\nENV LEGACY some value\nARG V=1 W\nEXPOSE 80/tcp 8000-8010\n';
    const df = parse(text);
    expect(df.errors).toEqual([]);
    const from = df.instructions[0]!;
    expect('image' in from && [from.image?.value, from.stageName?.value]).toEqual(['golang:1.22', 'build']);
    const env = df.instructions[1]!;
    expect('pairs' in env && env.pairs.map((p) => [p.key.value, p.value?.value, p.separator])).toEqual([
      ['A', '1', '='],
      ['B', '"two words"', '='],
    ]);
    const legacy = df.instructions[2]!;
    expect('pairs' in legacy && legacy.pairs.map((p) => [p.key.value, p.value?.value, p.separator])).toEqual([['LEGACY', 'some value', '']]);
    const arg = df.instructions[3]!;
    expect('pairs' in arg && arg.pairs.map((p) => [p.key.value, p.value?.value])).toEqual([['V', '1'], ['W', undefined]]);
    expect('ports' in df.instructions[4]! && df.instructions[4].ports.map((p) => p.value)).toEqual(['80/tcp', '8000-8010']);
  });

  it('keeps unknown flags in the tree and reports them without stopping', () => {
    const df = parse('COPY --frm=build a b\nRUN x\n');
    expect(df.instructions[0]!.flags[0]!.name).toBe('frm');
    expect(df.errors.map((e) => e.message)).toEqual(['unknown flag: --frm for COPY']);
    expect(df.instructions).toHaveLength(2);
  });

  it('matches instructions case-insensitively and parses HEALTHCHECK options and NONE', () => {
    const df = parse('from a\nhealthcheck --interval=5s CMD curl -f http://localhost/\nHEALTHCHECK NONE\n');
    expect(df.errors).toEqual([]);
    expect(df.instructions.map((i) => i.keyword)).toEqual(['FROM', 'HEALTHCHECK', 'HEALTHCHECK']);
    expect(df.instructions[1]!.flags[0]!.value).toBe('5s');
  });
});

describe('error tolerance', () => {
  it('turns malformed lines into positioned errors and parses the rest', () => {
    const text = 'FROM a\nFOM b\nENV PATH\nCMD [1]\nRUN ok\n';
    const df = parse(text);
    expect(df.errors.map((e) => [df.lines.position(e.start).line, e.level, e.message])).toEqual([
      [2, 'instruction', 'unknown instruction: FOM (did you mean FROM?)'],
      [3, 'parser', 'ENV must have two arguments'],
      [4, 'parser', 'when using JSON array syntax, arrays must be comprised of strings only'],
    ]);
    expect(df.instructions.map((i) => i.keyword)).toEqual(['FROM', 'FOM', 'ENV', 'CMD', 'RUN']);
  });

  it('reports a file with no instructions', () => {
    expect(parse('# only a comment\n').errors[0]!.message).toBe('file with no instructions');
  });
});

describe('tokens, packed in the tree', () => {
  const text = '\uFEFF# syntax=docker/dockerfile:1\n  # a comment\nFROM busybox AS base\n\n  RUN a \\\n# inside\n\n  b\nCOPY <<EOF /x\nbody\nEOF\nONBUILD RUN c\n';
  const df = parseDockerfile(text);

  it('each node has its own run, leading blanks, line end and heredoc body included', () => {
    const images = df.nodes.map((node) => nodeTokens(df, node).map((t) => t.image).join(''));
    expect(images).toEqual([
      '\uFEFF', '# syntax=docker/dockerfile:1\n', '  # a comment\n', 'FROM busybox AS base\n', '\n',
      '  RUN a \\\n# inside\n\n  b\n', 'COPY <<EOF /x\nbody\nEOF\n', 'ONBUILD RUN c\n',
    ]);
    expect(allTokens(df).map((t) => t.image).join('')).toBe(text);
  });

  it('keeps kinds and exact offsets', () => {
    const run = df.instructions.find((i) => i.keyword === 'RUN')!;
    expect(nodeTokens(df, run).map((t) => [t.kind, t.image, t.start, t.end])).toEqual([
      ['whitespace', '  ', 66, 68], ['text', 'RUN a ', 68, 74], ['continuation', '\\\n', 74, 76],
      ['continuation-comment', '# inside\n', 76, 85], ['empty-continuation-line', '\n', 85, 86],
      ['text', '  b', 86, 89], ['newline', '\n', 89, 90],
    ]);
  });

  it('gives none for a node outside the top level (an ONBUILD trigger)', () => {
    const onbuild = df.instructions.find((i) => i.keyword === 'ONBUILD')!;
    expect('trigger' in onbuild && onbuild.trigger).toBeTruthy();
    expect(nodeTokens(df, (onbuild as Instruction & { trigger: Instruction }).trigger)).toEqual([]);
  });
});

describe('an instruction with no text (a lone escape at the end of the file)', () => {
  it('starts at its own first token: its tokens, and the error on its line, as the engine reports it', () => {
    const df = parseDockerfile('\n\\');
    expect(df.nodes.map((n) => nodeTokens(df, n).map((t) => t.image).join(''))).toEqual(['\n', '\\']);
    expect(printDockerfile(df)).toBe('\n\\');
    expect(df.nodes.map((n) => n.start)).toEqual([0, 1]);
    // Docker Engine 20.10 (`docker build`): "dockerfile parse error line 2: unknown instruction:"
    for (const text of ['FROM debian:12\n\\', 'FROM debian:12\nRUN echo hi\n\\', 'FROM a\n  \\']) {
      const parsed = parseDockerfile(text);
      const lastLine = text.split('\n').length;
      expect(parsed.errors.map((e) => [parsed.lines.position(e.start).line, parsed.lines.position(e.start).column, e.message])).toEqual([[lastLine, 1, 'unknown instruction: ']]);
    }
  });
});
