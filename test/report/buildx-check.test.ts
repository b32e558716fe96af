/**
 * --format buildx-check: BuildKit's lint result as `docker buildx build --call=check,format=json`
 * prints it (frontend/subrequests/lint LintResults), from what the linter reports.
 */
import { describe, expect, it } from 'vitest';
import { getLinter } from '../../src/linter/index.ts';
import type { LintOptions } from '../../src/linter/linter.ts';
import type { FileResult } from '../../src/linter/types.ts';
import buildxCheck from '../../src/report/buildx-check.ts';
import { getReporter, renderReport } from '../../src/report/index.ts';

const linter = getLinter();
const context = { rules: linter.metas, cwd: '/p', toolVersion: '0.1.0', color: false };

function lint(filePath: string, source: string, options: LintOptions = { preset: 'buildkit' }): FileResult {
  const { df: _df, ...result } = linter.lint(source, { ...options, filePath });
  return result;
}

const DOCKERFILE = 'FROM busybox\nWORKDIR app\nCMD echo a\n';

describe('buildx-check reporter', () => {
  it('writes BuildKit\'s warnings and sources, in its field order and casing', async () => {
    expect(await getReporter('buildx-check')).toBe(buildxCheck);
    const text = renderReport(buildxCheck, [lint('/p/Dockerfile', DOCKERFILE)], context);
    const result = JSON.parse(text);
    expect(Object.keys(result)).toEqual(['warnings', 'sources']);
    expect(result.warnings.map((w: object) => Object.keys(w))).toEqual([
      ['ruleName', 'description', 'url', 'detail', 'location'],
      ['ruleName', 'description', 'url', 'detail', 'location'],
    ]);
    expect(result.warnings.map(({ detail: _detail, ...w }: { detail: string }) => w)).toEqual([
      {
        ruleName: 'WorkdirRelativePath',
        description: 'Relative workdir without an absolute workdir declared within the build can have unexpected results if the base image changes',
        url: 'https://docs.docker.com/go/dockerfile/rule/workdir-relative-path/',
        location: { ranges: [{ start: { line: 2 }, end: { line: 2 } }] },
      },
      {
        ruleName: 'JSONArgsRecommended',
        description: 'JSON arguments recommended for ENTRYPOINT/CMD to prevent unintended behavior related to OS signals',
        url: 'https://docs.docker.com/go/dockerfile/rule/json-args-recommended/',
        location: { ranges: [{ start: { line: 3 }, end: { line: 3 } }] },
      },
    ]);
    expect(result.warnings.every((w: { detail: string }) => w.detail.length > 0)).toBe(true);
    expect(result.sources).toEqual([{ filename: 'Dockerfile', data: Buffer.from(DOCKERFILE).toString('base64'), language: 'Dockerfile' }]);
    // laid out as Go's json.MarshalIndent with two spaces
    expect(text).toBe(`${JSON.stringify(result, null, 2)}\n`);
  });

  it('gives each file a source and later files a sourceIndex; leaves out skipped checks', () => {
    const skipped = lint('/p/b/Dockerfile', `# check=skip=JSONArgsRecommended\n${DOCKERFILE}`);
    const result = JSON.parse(renderReport(buildxCheck, [lint('/p/a/Dockerfile', 'FROM busybox\n'), skipped], context));
    expect(result.sources.map((s: { filename: string }) => s.filename)).toEqual(['a/Dockerfile', 'b/Dockerfile']);
    expect(result.warnings.map((w: { ruleName: string; location: object }) => [w.ruleName, w.location])).toEqual([
      ['WorkdirRelativePath', { sourceIndex: 1, ranges: [{ start: { line: 3 }, end: { line: 3 } }] }],
    ]);
  });

  it('escapes <, > and & as Go does', () => {
    const source = '# check=experimental=InvalidDefinitionDescription\n# compile it & ship\nFROM busybox AS build\n';
    const text = renderReport(buildxCheck, [lint('/p/Dockerfile', source)], context);
    expect(text).toContain('format: `# \\u003carg/stage name\\u003e \\u003cdescription\\u003e`');
    expect(text).not.toMatch(/[<>&]/);
    expect(JSON.parse(text).warnings[0].ruleName).toBe('InvalidDefinitionDescription');
  });

  it('reports a file that does not parse as the buildError', () => {
    const result = JSON.parse(renderReport(buildxCheck, [lint('/p/Dockerfile', 'FROM busybox\nRUN <<EOF\n')], context));
    expect(result.buildError.location).toEqual({ ranges: [{ start: { line: 2 }, end: { line: 2 } }] });
    expect(typeof result.buildError.message).toBe('string');
  });

  it('names a finding of no BuildKit check by its rule id and summary, with no url', () => {
    const result = JSON.parse(renderReport(buildxCheck, [lint('/p/Dockerfile', 'FROM debian:latest\n', { preset: 'recommended' })], context));
    expect(result.warnings).toEqual([{
      ruleName: 'base-image-latest',
      description: linter.metas.find((m) => m.id === 'base-image-latest')!.docs.summary,
      detail: expect.any(String),
      location: { ranges: [{ start: { line: 1 }, end: { line: 1 } }] },
    }]);
  });
});
