import { describe, expect, it } from 'vitest';
import type { FileResult } from '../../src/linter/types.ts';
import compact from '../../src/report/compact.ts';
import github from '../../src/report/github.ts';
import gitlab from '../../src/report/gitlab.ts';
import { DEFAULT_REPORTER, EMPTY_WHEN_CLEAN, getReporter, isReporterName, renderReport, REPORTER_NAMES } from '../../src/report/index.ts';
import json from '../../src/report/json.ts';
import {
  AWKWARD_MESSAGE,
  awkwardResult,
  cleanResult,
  context,
  findingAt,
  mainResult,
  syntaxErrorResult,
} from './fixtures.ts';

const ALL = () => [mainResult(), awkwardResult(), syntaxErrorResult(), cleanResult()];

/** A RUN over three lines whose finding ends at column 1 of the next line. */
function multiLineResult(): FileResult {
  const source = 'FROM a\nRUN a \\\n  b \\\n  c\nUSER x\n';
  const start = source.indexOf('RUN');
  const end = source.indexOf('USER');
  return {
    filePath: 'Dockerfile',
    source,
    findings: [
      {
        ...findingAt(source, 'RUN', { ruleId: 'r', aliases: [], severity: 'style', message: 'm' }),
        range: { start: { offset: start, line: 2, column: 1 }, end: { offset: end, line: 5, column: 1 } },
      },
    ],
  };
}

describe('compact reporter', () => {
  it('prints one line per reported finding, path relative to cwd', () => {
    expect(renderReport(compact, ALL(), context())).toBe(
      [
        'Dockerfile:1:6: error: Pin "ubuntu" to a version instead of `latest` [no-latest-tag]',
        'Dockerfile:2:1: info: MAINTAINER is deprecated; use a LABEL [maintainer-deprecated]',
        'Dockerfile:3:23: warning: Add --no-install-recommends [apt-no-install-recommends]',
        'dir with space/Dockër,file:<&>]]>%:2:21: warning: Quote " apostrophe \' less < amp & end ]]> percent % colon: comma, line1 line2 non-ASCII Zoë 日本 🐳 [no-latest-tag]',
        'sub/Dockerfile.broken:3:1: error: Unterminated heredoc: expected "EOF" [syntax-error]',
        '',
      ].join('\n'),
    );
  });

  it('prints nothing without findings', () => {
    expect(renderReport(compact, [], context())).toBe('');
    expect(renderReport(compact, [cleanResult()], context())).toBe('');
  });
});

describe('json reporter', () => {
  it('lists every reported finding with positions, fixes and counts, without suppressed ones', () => {
    const files = JSON.parse(renderReport(json, ALL(), context()));
    expect(files.map((file: { filePath: string }) => file.filePath)).toEqual([
      'Dockerfile',
      'dir with space/Dockër,file:<&>]]>%',
      'sub/Dockerfile.broken',
      'clean/Dockerfile',
    ]);
    const [main, awkward, broken, clean] = files;
    expect(main).toMatchObject({ errorCount: 1, warningCount: 1, infoCount: 1, styleCount: 0, fixableCount: 1 });
    expect(main.messages.map((message: { ruleId: string }) => message.ruleId)).toEqual([
      'no-latest-tag',
      'maintainer-deprecated',
      'apt-no-install-recommends',
    ]);
    expect(main.messages[2]).toEqual({
      ruleId: 'apt-no-install-recommends',
      aliases: ['DL3015'],
      severity: 'warning',
      message: 'Add --no-install-recommends',
      line: 3,
      column: 23,
      endLine: 3,
      endColumn: 46,
      fix: {
        safety: 'safe',
        description: 'insert --no-install-recommends',
        edits: [{ range: [87, 87], text: ' --no-install-recommends' }],
      },
    });
    expect(main.messages[0]).not.toHaveProperty('fix');
    expect(main.messages[0]).not.toHaveProperty('suggestions');
    expect(awkward.messages[0].message).toBe(AWKWARD_MESSAGE);
    expect(broken.messages[0]).toMatchObject({ ruleId: 'syntax-error', line: 3, column: 1, endLine: 3, endColumn: 1 });
    expect(clean).toEqual({
      filePath: 'clean/Dockerfile',
      messages: [],
      errorCount: 0,
      warningCount: 0,
      infoCount: 0,
      styleCount: 0,
      fixableCount: 0,
    });
  });

  it('includes suggestions and prints an empty array for zero files', () => {
    const source = 'FROM a\n';
    const file: FileResult = {
      filePath: 'Dockerfile',
      source,
      findings: [
        findingAt(source, 'a', {
          ruleId: 'r',
          aliases: [],
          severity: 'style',
          message: 'm',
          suggestions: [{ description: 'pin', safety: 'unsafe', edits: [{ start: 6, end: 6, text: ':1' }] }],
        }),
      ],
    };
    const [result] = JSON.parse(renderReport(json, [file], context()));
    expect(result.messages[0].suggestions).toEqual([{ safety: 'unsafe', description: 'pin', edits: [{ range: [6, 6], text: ':1' }] }]);
    expect(result.styleCount).toBe(1);
    expect(JSON.parse(renderReport(json, [], context()))).toEqual([]);
  });
});

describe('github reporter', () => {
  it('writes workflow commands with GitHub escaping', () => {
    expect(renderReport(github, ALL(), context()).split('\n')).toEqual([
      '::error file=Dockerfile,line=1,endLine=1,col=6,endColumn=18,title=no-latest-tag (error)::Pin "ubuntu" to a version instead of `latest`',
      '::notice file=Dockerfile,line=2,endLine=2,col=1,endColumn=30,title=maintainer-deprecated (info)::MAINTAINER is deprecated; use a LABEL',
      '::warning file=Dockerfile,line=3,endLine=3,col=23,endColumn=45,title=apt-no-install-recommends (warning)::Add --no-install-recommends',
      '::warning file=dir with space/Dockër%2Cfile%3A<&>]]>%25,line=2,endLine=2,col=21,endColumn=26,title=no-latest-tag (warning)::' +
        'Quote " apostrophe \' less < amp & end ]]> percent %25 colon: comma, line1%0Aline2%0D%0Anon-ASCII Zoë 日本 🐳',
      '::error file=sub/Dockerfile.broken,line=3,endLine=3,col=1,endColumn=1,title=syntax-error (error)::Unterminated heredoc: expected "EOF"',
      '',
    ]);
  });

  it('gives multi-line findings lines but no columns, and prints nothing without findings', () => {
    expect(renderReport(github, [multiLineResult()], context())).toBe('::notice file=Dockerfile,line=2,endLine=4,title=r (style)::m\n');
    expect(renderReport(github, [], context())).toBe('');
  });
});

describe('gitlab reporter', () => {
  it('writes Code Quality issues with mapped severities and relative paths', () => {
    const issues = JSON.parse(renderReport(gitlab, ALL(), context()));
    expect(issues.map((issue: { check_name: string; severity: string }) => [issue.check_name, issue.severity])).toEqual([
      ['no-latest-tag', 'major'],
      ['maintainer-deprecated', 'info'],
      ['apt-no-install-recommends', 'minor'],
      ['no-latest-tag', 'minor'],
      ['syntax-error', 'blocker'],
    ]);
    expect(issues[3]).toEqual({
      description: AWKWARD_MESSAGE,
      check_name: 'no-latest-tag',
      fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/),
      severity: 'minor',
      location: { path: 'dir with space/Dockër,file:<&>]]>%', lines: { begin: 2, end: 2 } },
    });
    expect(new Set(issues.map((issue: { fingerprint: string }) => issue.fingerprint)).size).toBe(issues.length);
    expect(JSON.parse(renderReport(gitlab, [multiLineResult()], context()))[0].location.lines).toEqual({ begin: 2, end: 4 });
    expect(JSON.parse(renderReport(gitlab, [], context()))).toEqual([]);
  });

  it('keeps fingerprints when lines are inserted above, and tells files apart', () => {
    const fingerprint = (file: FileResult) => JSON.parse(renderReport(gitlab, [file], context()))[0].fingerprint;
    const moved = mainResult();
    const shifted = `# comment\n\n${moved.source}`;
    const original = fingerprint(mainResult());
    const latest = findingAt(shifted, 'ubuntu:latest', {
      ruleId: 'no-latest-tag',
      aliases: ['DL3007'],
      severity: 'error',
      message: 'Pin "ubuntu" to a version instead of `latest`',
    });
    expect(fingerprint({ filePath: moved.filePath, source: shifted, findings: [latest] })).toBe(original);
    expect(fingerprint(mainResult('/work/project/other/Dockerfile'))).not.toBe(original);
  });
});

describe('reporter registry', () => {
  it('loads every format lazily by name', async () => {
    expect(REPORTER_NAMES).toEqual([
      'stylish', 'compact', 'json', 'sarif', 'github', 'gitlab', 'checkstyle', 'junit', 'buildx-check', 'tty', 'gnu', 'codeclimate', 'gitlab_codeclimate', 'codacy', 'sonarqube',
    ]);
    expect(DEFAULT_REPORTER).toBe('stylish');
    for (const name of REPORTER_NAMES) {
      const reporter = await getReporter(name);
      expect(typeof renderReport(reporter, ALL(), context())).toBe('string');
    }
    expect(await getReporter('json')).toBe(json);
  });

  it('skips loading a format that prints nothing for the results given, and only then', async () => {
    const suppressed = { ...mainResult(), findings: mainResult().findings.map((f) => ({ ...f, suppressed: { kind: 'inline' as const } })) };
    const empty = await getReporter('stylish', { results: [cleanResult()] });
    for (const clean of [[cleanResult()], [suppressed, cleanResult()]]) {
      for (const name of REPORTER_NAMES) {
        const given = await getReporter(name, { results: clean });
        // what the format would print: nothing for exactly the formats that are not loaded
        for (const color of [false, true]) expect([name, color, renderReport(await getReporter(name), clean, context({ color })) === ''], name).toEqual([name, color, EMPTY_WHEN_CLEAN.has(name)]);
        expect(given === empty, name).toBe(EMPTY_WHEN_CLEAN.has(name));
      }
    }
    expect(await getReporter('stylish', { results: [mainResult()] })).not.toBe(empty);
  });

  it('rejects unknown names, including inherited property names', async () => {
    await expect(getReporter('xml')).rejects.toThrow('Unknown format "xml". Known formats: stylish, compact, json, sarif, github, gitlab, checkstyle, junit, buildx-check, tty, gnu, codeclimate, gitlab_codeclimate, codacy, sonarqube.');
    await expect(getReporter('constructor')).rejects.toThrow('Unknown format');
    expect(isReporterName('toString')).toBe(false);
    expect(isReporterName('sarif')).toBe(true);
  });
});
