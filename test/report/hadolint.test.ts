/**
 * hadolint 2.15's formats (src/Hadolint/Formatter/*.hs), each a table of the exact output for
 * the same files: field names, levels, order and layout as hadolint writes them.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FileResult } from '../../src/linter/types.ts';
import { getReporter, HADOLINT_FORMATS, renderReport } from '../../src/report/index.ts';
import { cleanResult, context, findingAt, mainResult, syntaxErrorResult } from './fixtures.ts';

/** a ShellCheck finding (its SC code rides as an alias) and a rule hadolint does not have, on one line */
function shellResult(): FileResult {
  const source = 'FROM alpine:3.20\nRUN echo $HOME\n';
  return {
    filePath: 'svc/Dockerfile',
    source,
    findings: [
      findingAt(source, 'RUN', { ruleId: 'missing-user', aliases: [], severity: 'warning', message: 'No USER' }),
      findingAt(source, '$HOME', { ruleId: 'shellcheck', aliases: ['SC2086'], severity: 'info', message: 'Double quote to prevent globbing and word splitting.' }),
    ],
  };
}

const FILES = () => [mainResult('Dockerfile'), shellResult(), { ...syntaxErrorResult(), findings: syntaxErrorResult().findings.map((f) => ({ ...f, aliases: ['DL1000'] })) }, { ...cleanResult(), filePath: 'clean/Dockerfile' }];

async function render(name: string, files: FileResult[] = FILES()): Promise<string> {
  return renderReport(await getReporter(name, { hadolint: true }), files, context());
}

const PIN = 'Pin \\"ubuntu\\" to a version instead of `latest`';
const QUOTE = 'Double quote to prevent globbing and word splitting.';
const HEREDOC = 'Unterminated heredoc: expected \\"EOF\\"';

describe('hadolint formats', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('tty: FILE:LINE CODE LEVEL: message; a parse error FILE:LINE:COLUMN message; suppressed findings left out', async () => {
    expect(await render('tty')).toBe(
      [
        'Dockerfile:1 DL3007 error: Pin "ubuntu" to a version instead of `latest`',
        'Dockerfile:2 DL4000 info: MAINTAINER is deprecated; use a LABEL',
        'Dockerfile:3 DL3015 warning: Add --no-install-recommends',
        'svc/Dockerfile:2 missing-user warning: No USER',
        `svc/Dockerfile:2 SC2086 info: ${QUOTE}`,
        'sub/Dockerfile.broken:3:1 Unterminated heredoc: expected "EOF"',
        '',
      ].join('\n'),
    );
  });

  it('tty colours the level as hadolint does, when colour is on', async () => {
    const output = renderReport(await getReporter('tty'), [mainResult('Dockerfile')], context({ color: true }));
    expect(output.split('\n')[0]).toBe('Dockerfile:1 DL3007 \u001b[1m\u001b[31merror\u001b[39m\u001b[22m: Pin "ubuntu" to a version instead of `latest`');
    expect(output.split('\n')[1]).toBe('Dockerfile:2 DL4000 \u001b[32minfo\u001b[39m: MAINTAINER is deprecated; use a LABEL');
  });

  it('gnu: PROGRAM:FILE:LINE: CODE LEVEL: message, one line each', async () => {
    const multiLine = shellResult();
    multiLine.findings[0]!.message = 'two\nlines';
    expect(await render('gnu', [mainResult('Dockerfile'), multiLine, syntaxErrorResult()])).toBe(
      [
        'tslint-docker:Dockerfile:1: DL3007 error: Pin "ubuntu" to a version instead of `latest`',
        'tslint-docker:Dockerfile:2: DL4000 info: MAINTAINER is deprecated; use a LABEL',
        'tslint-docker:Dockerfile:3: DL3015 warning: Add --no-install-recommends',
        'tslint-docker:svc/Dockerfile:2: missing-user warning: two lines',
        `tslint-docker:svc/Dockerfile:2: SC2086 info: ${QUOTE}`,
        'tslint-docker:sub/Dockerfile.broken:3:1: Unterminated heredoc: expected "EOF"',
        '',
      ].join('\n'),
    );
  });

  it('json: one flat array, keys sorted, column 1 for checks, DL1000 for a parse error', async () => {
    expect(await render('json')).toBe(
      '[' +
        [
          `{"code":"DL3007","column":1,"file":"Dockerfile","level":"error","line":1,"message":"${PIN}"}`,
          '{"code":"DL4000","column":1,"file":"Dockerfile","level":"info","line":2,"message":"MAINTAINER is deprecated; use a LABEL"}',
          '{"code":"DL3015","column":1,"file":"Dockerfile","level":"warning","line":3,"message":"Add --no-install-recommends"}',
          '{"code":"missing-user","column":1,"file":"svc/Dockerfile","level":"warning","line":2,"message":"No USER"}',
          `{"code":"SC2086","column":1,"file":"svc/Dockerfile","level":"info","line":2,"message":"${QUOTE}"}`,
          `{"code":"DL1000","column":1,"file":"sub/Dockerfile.broken","level":"error","line":3,"message":"${HEREDOC}"}`,
        ].join(',') +
        ']\n',
    );
    expect(await render('json', [])).toBe('[]\n');
  });

  it('checkstyle: one line, a <file> per file, attributes sorted, the code as source', async () => {
    expect(await render('checkstyle', [mainResult('Dockerfile'), syntaxErrorResult(), { ...cleanResult(), filePath: 'clean/Dockerfile' }])).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><checkstyle version="4.3">' +
        '<file name="Dockerfile">' +
        '<error column="1" line="1" message="Pin &quot;ubuntu&quot; to a version instead of `latest`" severity="error" source="DL3007"/>' +
        '<error column="1" line="2" message="MAINTAINER is deprecated; use a LABEL" severity="info" source="DL4000"/>' +
        '<error column="1" line="3" message="Add --no-install-recommends" severity="warning" source="DL3015"/>' +
        '</file>' +
        '<file name="sub/Dockerfile.broken"><error column="1" line="3" message="Unterminated heredoc: expected &quot;EOF&quot;" severity="error"/></file>' +
        '<file name="clean/Dockerfile"/>' +
        '</checkstyle>\n',
    );
  });

  it('sarif: one run, a result per problem with the code as ruleId, notes for info and style, sh for ShellCheck', async () => {
    const region = (line: number, column: number, language: string) =>
      `"region":{"endColumn":${column},"endLine":${line},"sourceLanguage":"${language}","startColumn":${column},"startLine":${line}}`;
    const result = (level: string, uri: string, line: number, column: number, language: string, text: string, ruleId: string) =>
      `{"level":"${level}","locations":[{"physicalLocation":{"artifactLocation":{"uri":"${uri}"},${region(line, column, language)}}}],"message":{"text":"${text}"},"ruleId":"${ruleId}"}`;
    expect(await render('sarif', [shellResult(), syntaxErrorResult(), { ...cleanResult(), filePath: 'a b/Dockerfile' }])).toBe(
      '{"$schema":"http://json.schemastore.org/sarif-2.1.0","runs":[{"defaultSourceLanguage":"dockerfile","results":[' +
        [
          result('warning', 'svc/Dockerfile', 2, 1, 'dockerfile', 'No USER', 'missing-user'),
          result('note', 'svc/Dockerfile', 2, 1, 'sh', QUOTE, 'SC2086'),
          result('error', 'sub/Dockerfile.broken', 3, 1, 'dockerfile', HEREDOC, 'DL1000'),
        ].join(',') +
        '],"tool":{"driver":{"informationUri":"https://www.npmjs.com/package/tslint-docker","name":"tslint-docker","version":"1.2.3"}}}],"version":"2.1.0"}\n',
    );
  });

  it('codeclimate: each issue followed by a NUL, severities blocker/major/info/minor, a parse error at positions', async () => {
    expect(await render('codeclimate', [shellResult(), syntaxErrorResult()])).toBe(
      [
        '{"categories":["Bug Risk"],"check_name":"missing-user","description":"No USER","location":{"lines":{"begin":2,"end":2},"path":"svc/Dockerfile"},"severity":"major","type":"issue"}',
        `{"categories":["Bug Risk"],"check_name":"SC2086","description":"${QUOTE}","location":{"lines":{"begin":2,"end":2},"path":"svc/Dockerfile"},"severity":"info","type":"issue"}`,
        `{"categories":["Bug Risk"],"check_name":"DL1000","description":"${HEREDOC}","location":{"path":"sub/Dockerfile.broken","positions":{"begin":{"column":1,"line":3},"end":{"column":1,"line":3}}},"severity":"blocker","type":"issue"}`,
        '',
      ].join('\0'),
    );
  });

  it('gitlab_codeclimate: one array; each fingerprint is the SHA-1 of the issue\'s codeclimate JSON, as hadolint computes it', async () => {
    const style = { ...shellResult(), findings: [{ ...shellResult().findings[1]!, severity: 'style' as const }] };
    expect(await render('gitlab_codeclimate', [style])).toBe(
      // `printf %s '{"categories":["Bug Risk"],…,"type":"issue"}' | sha1sum` of the codeclimate line
      `[{"categories":["Bug Risk"],"check_name":"SC2086","description":"${QUOTE}","fingerprint":"86b5c77b206c10898331e4bc5f0bbb1274c602de","location":{"lines":{"begin":2,"end":2},"path":"svc/Dockerfile"},"severity":"minor","type":"issue"}]\n`,
    );
  });

  it('codacy: one result a line, keys sorted', async () => {
    expect(await render('codacy', [shellResult(), syntaxErrorResult()])).toBe(
      [
        '{"filename":"svc/Dockerfile","line":2,"message":"No USER","patternId":"missing-user"}',
        `{"filename":"svc/Dockerfile","line":2,"message":"${QUOTE}","patternId":"SC2086"}`,
        `{"filename":"sub/Dockerfile.broken","line":3,"message":"${HEREDOC}","patternId":"DL1000"}`,
        '',
      ].join('\n'),
    );
  });

  it('sonarqube: {"issues":[...]}, an error a CRITICAL BUG, a check columns 0 to 1, a parse error a BLOCKER', async () => {
    const issue = (ruleId: string, severity: string, type: string, file: string, message: string, range: string) =>
      `{"engineId":"tslint-docker","primaryLocation":{"filePath":"${file}","message":"${message}","textRange":${range}},"ruleId":"${ruleId}","severity":"${severity}","type":"${type}"}`;
    expect(await render('sonarqube', [mainResult('Dockerfile'), syntaxErrorResult()])).toBe(
      '{"issues":[' +
        [
          issue('DL3007', 'CRITICAL', 'BUG', 'Dockerfile', PIN, '{"endColumn":1,"endLine":1,"startColumn":0,"startLine":1}'),
          issue('DL4000', 'MINOR', 'CODE_SMELL', 'Dockerfile', 'MAINTAINER is deprecated; use a LABEL', '{"endColumn":1,"endLine":2,"startColumn":0,"startLine":2}'),
          issue('DL3015', 'MAJOR', 'CODE_SMELL', 'Dockerfile', 'Add --no-install-recommends', '{"endColumn":1,"endLine":3,"startColumn":0,"startLine":3}'),
          issue('DL1000', 'BLOCKER', 'BUG', 'sub/Dockerfile.broken', HEREDOC, '{"endColumn":1,"endLine":3,"startColumn":1,"startLine":3}'),
        ].join(',') +
        ']}\n',
    );
  });

  it('junit: suites named by the run\'s UTC time, a testcase per problem, its text saying where', async () => {
    vi.useFakeTimers({ now: new Date('2026-01-02T03:04:05Z') });
    expect(await render('junit', [shellResult(), syntaxErrorResult(), { ...cleanResult(), filePath: 'clean/Dockerfile' }])).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><testsuites id="20260102_030405" name="tslint-docker run at 2026-01-02 03:04:05" time="0.001">' +
        '<testsuite errors="0" failures="2" id="tslint-docker" name="tslint-docker 1.2.3" time="0.001">' +
        '<testcase id="tslint-docker.rule.missing-user" time="0.001"><failure id="missing-user" message="No USER" type="warning">' +
        'File: svc/Dockerfile\nLine: 2\nCategory: tslint-docker - Dockerfile Static Analysis\nwarning: No USER\n</failure></testcase>' +
        `<testcase id="tslint-docker.rule.SC2086" time="0.001"><failure id="SC2086" message="${QUOTE}" type="info">` +
        `File: svc/Dockerfile\nLine: 2\nCategory: tslint-docker - Dockerfile Static Analysis\ninfo: ${QUOTE}\n</failure></testcase>` +
        '</testsuite>' +
        '<testsuite errors="1" failures="1" id="tslint-docker" name="tslint-docker 1.2.3" time="0.001">' +
        '<testcase id="tslint-docker.error" name="DL1000" time="0.001"><failure message="parse error at line 3, column 1" type="error">' +
        'Parse Error in sub/Dockerfile.broken\nLine: 3\nColumn: 1\nParse Error: Unterminated heredoc: expected "EOF"\n</failure></testcase>' +
        '</testsuite>' +
        '<testsuite errors="0" failures="0" id="tslint-docker" name="tslint-docker 1.2.3" time="0.001"/>' +
        '</testsuites>\n',
    );
  });

  it('every format hadolint has is registered; json, sarif, checkstyle and junit have our shape unless hadolint\'s is asked for', async () => {
    for (const name of HADOLINT_FORMATS) expect(typeof (await getReporter(name, { hadolint: true })), name).toBe('function');
    for (const name of ['json', 'sarif', 'checkstyle', 'junit']) {
      expect(await getReporter(name), name).not.toBe(await getReporter(name, { hadolint: true }));
    }
    for (const name of ['tty', 'gnu', 'codeclimate', 'gitlab_codeclimate', 'codacy', 'sonarqube', 'stylish', 'gitlab']) {
      expect(await getReporter(name), name).toBe(await getReporter(name, { hadolint: true }));
    }
  });
});
