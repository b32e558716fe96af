import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FileResult } from '../../src/linter/types.ts';
import { renderReport } from '../../src/report/index.ts';
import stylish, { colorLevel } from '../../src/report/stylish.ts';
import { awkwardResult, cleanResult, context, findingAt, mainResult, syntaxErrorResult } from './fixtures.ts';

const ANSI = /\u001b\[[0-9;]*m/;

afterEach(() => {
  vi.unstubAllEnvs();
});

/** The column (0-based, in the printed line) of each caret run in a frame line. */
function caretSpan(line: string): [number, number] {
  const start = line.indexOf('^');
  return [start, line.lastIndexOf('^') + 1];
}

describe('stylish reporter', () => {
  it('groups findings per file with a code frame under the exact range and a summary', () => {
    const output = renderReport(stylish, [mainResult(), cleanResult()], context());
    expect(output).toBe(
      [
        'Dockerfile',
        '  1:6   error    Pin "ubuntu" to a version instead of `latest`  no-latest-tag',
        '    > 1 | FROM ubuntu:latest',
        '        |      ^^^^^^^^^^^^^',
        '  2:1   info     MAINTAINER is deprecated; use a LABEL  maintainer-deprecated',
        '      1 | FROM ubuntu:latest',
        '    > 2 | MAINTAINER Zoë <z@example.com>',
        '        | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
        '  3:23  warning  Add --no-install-recommends  apt-no-install-recommends',
        '      2 | MAINTAINER Zoë <z@example.com>',
        '    > 3 | RUN apt-get update && apt-get install -y curl',
        '        |                       ^^^^^^^^^^^^^^^^^^^^^^^',
        '',
        '✖ 3 problems (1 error, 1 warning, 1 info), 1 fixable with --fix, 1 more with unsafe fixes',
        '',
      ].join('\n'),
    );
  });

  it('prints nothing for zero files, clean files and files with only suppressed findings', () => {
    expect(renderReport(stylish, [], context())).toBe('');
    expect(renderReport(stylish, [cleanResult()], context())).toBe('');
    const onlySuppressed = mainResult();
    onlySuppressed.findings = onlySuppressed.findings.filter((finding) => finding.suppressed);
    expect(renderReport(stylish, [onlySuppressed], context())).toBe('');
  });

  it('puts carets under wide characters and tabs where the terminal shows them', () => {
    const lines = renderReport(stylish, [awkwardResult()], context()).split('\n');
    const sourceLine = lines.find((line) => line.startsWith('    > 2 |'))!;
    const carets = lines[lines.indexOf(sourceLine) + 1]!;
    // 日 and 本 are one UTF-16 unit but two cells each; 🐳 is two units and two cells:
    // so the carets sit two cells right of the UTF-16 index of "exit 1"
    const exitIndex = sourceLine.indexOf('exit 1');
    expect(caretSpan(carets)).toEqual([exitIndex + 2, exitIndex + 2 + 6]);

    const source = 'FROM a\n\tRUN  x\n';
    const tabbed: FileResult = {
      filePath: 'Dockerfile',
      source,
      findings: [findingAt(source, 'x', { ruleId: 'r', aliases: [], severity: 'warning', message: 'm' })],
    };
    const frame = renderReport(stylish, [tabbed], context()).split('\n');
    const tabLine = frame.find((line) => line.startsWith('    > 2 |'))!;
    expect(tabLine).toBe('    > 2 |     RUN  x');
    expect(caretSpan(frame[frame.indexOf(tabLine) + 1]!)).toEqual([tabLine.indexOf('x'), tabLine.indexOf('x') + 1]);
  });

  it('indents multi-line messages and shows the path and message with control characters escaped', () => {
    const output = renderReport(stylish, [awkwardResult()], context());
    expect(output).toContain('dir with space/Dockër,file:<&>]]>%\n');
    expect(output).toContain(' percent % colon: comma, line1\n                 line2\n                 non-ASCII Zoë 日本 🐳  no-latest-tag\n');

    const source = 'FROM a\n';
    const hostile: FileResult = {
      filePath: 'Docker\u001b[2Jfile',
      source,
      findings: [findingAt(source, 'a', { ruleId: 'r', aliases: [], severity: 'error', message: 'clear\u001b[2J screen' })],
    };
    const escaped = renderReport(stylish, [hostile], context());
    expect(escaped).not.toMatch(ANSI);
    expect(escaped).toContain('Docker\\u001b[2Jfile');
    expect(escaped).toContain('clear\\u001b[2J screen');
  });

  it('marks the point of a parse error with a single caret', () => {
    const output = renderReport(stylish, [syntaxErrorResult()], context());
    expect(output).toBe(
      [
        'sub/Dockerfile.broken',
        '  3:1  error  Unterminated heredoc: expected "EOF"  syntax-error',
        '      2 | RUN <<EOF',
        '    > 3 |',
        '        | ^',
        '',
        '✖ 1 problem (1 error, 0 warnings)',
        '',
      ].join('\n'),
    );
  });

  it('underlines every line of a multi-line range and elides long ones', () => {
    const source = 'FROM a\nRUN a \\\n  b \\\n  c \\\n  d \\\n  e \\\n  f\nUSER x\n';
    const start = source.indexOf('RUN');
    const end = source.indexOf('\nUSER') + 1;
    const whole: FileResult = {
      filePath: 'Dockerfile',
      source,
      findings: [
        {
          ...findingAt(source, 'RUN', { ruleId: 'r', aliases: [], severity: 'warning', message: 'm' }),
          range: { start: { offset: start, line: 2, column: 1 }, end: { offset: end, line: 8, column: 1 } },
        },
      ],
    };
    expect(renderReport(stylish, [whole], context())).toContain(
      [
        '      1 | FROM a',
        '    > 2 | RUN a \\',
        '        | ^^^^^^^',
        '    > 3 |   b \\',
        '        |   ^^^',
        '    > 4 |   c \\',
        '        |   ^^^',
        '    > 5 |   d \\',
        '        |   ^^^',
        '        | … 2 more lines',
      ].join('\n'),
    );
  });

  it('cuts a long line to about 200 cells around the finding, with an ellipsis where it is cut', () => {
    // 1000 digits; the finding covers "WXYZ" at index 500 (column 501)
    const line = Array.from({ length: 1000 }, (_, i) => String(i % 10)).join('');
    const source = `FROM a\nRUN ${line.slice(0, 496)}WXYZ${line.slice(500)}\n`;
    const text = source.split('\n')[1]!;
    const result: FileResult = {
      filePath: 'Dockerfile',
      source,
      findings: [findingAt(source, 'WXYZ', { ruleId: 'r', aliases: [], severity: 'warning', message: 'm' })],
    };
    expect(renderReport(stylish, [result], context()).split('\n').slice(1, 5)).toEqual([
      '  2:501  warning  m  r',
      `      1 | FROM a`,
      // 100 characters before the finding, then up to the 200th cell
      `    > 2 | …${text.slice(400, 599)}…`,
      `        | ${' '.repeat(101)}^^^^`,
    ]);
    // at the start of a long line: no ellipsis before
    const head: FileResult = { ...result, findings: [findingAt(source, 'RUN', { ruleId: 'r', aliases: [], severity: 'warning', message: 'm' })] };
    expect(renderReport(stylish, [head], context()).split('\n')[3]).toBe(`    > 2 | ${text.slice(0, 200)}…`);
  });

  it('colours output when asked and never when told not to', () => {
    const results = [mainResult()];
    const coloured = renderReport(stylish, results, context({ color: true }));
    expect(coloured).toMatch(ANSI);
    expect(coloured).toContain('\u001b[31merror');
    expect(coloured.replace(/\u001b\[[0-9;]*m/g, '')).toBe(renderReport(stylish, results, context({ color: false })));

    vi.stubEnv('FORCE_COLOR', '3');
    expect(renderReport(stylish, results, context({ color: false }))).not.toMatch(ANSI);
    expect(renderReport(stylish, results, context({ color: undefined }))).toMatch(ANSI);
    vi.stubEnv('FORCE_COLOR', undefined);
    vi.stubEnv('NO_COLOR', '1');
    expect(renderReport(stylish, results, context({ color: undefined }))).not.toMatch(ANSI);
  });
});

describe('colorLevel', () => {
  it('lets the option win, then FORCE_COLOR, then NO_COLOR', () => {
    expect(colorLevel(false, { FORCE_COLOR: '3' })).toBe(0);
    expect(colorLevel(true, { NO_COLOR: '1' })).toBeGreaterThan(0);
    expect(colorLevel(true, { FORCE_COLOR: '2' })).toBe(2);
    expect(colorLevel(undefined, { FORCE_COLOR: '1', NO_COLOR: '1' })).toBe(1);
    expect(colorLevel(undefined, { FORCE_COLOR: '', NO_COLOR: '1' })).toBe(1);
    expect(colorLevel(undefined, { FORCE_COLOR: '0' })).toBe(0);
    expect(colorLevel(undefined, { FORCE_COLOR: 'false' })).toBe(0);
    expect(colorLevel(undefined, { NO_COLOR: '1' })).toBe(0);
  });

  it('ignores an empty NO_COLOR, as no-color.org says', () => {
    expect(colorLevel(undefined, { NO_COLOR: '' })).toBe(colorLevel(undefined, {}));
  });
});
