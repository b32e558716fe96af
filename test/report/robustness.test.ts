import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SEVERITIES, type FileResult, type Finding, type Fix } from '../../src/linter/types.ts';
import { LineIndex } from '../../src/parser/source.ts';
import { getReporter, renderReport, REPORTER_NAMES } from '../../src/report/index.ts';
import { context, CWD } from './fixtures.ts';
import { parseXml } from './xml-check.ts';

const schema = JSON.parse(readFileSync(new URL('../../schemas/sarif-2.1.0.json', import.meta.url), 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: false });
addFormatsModule.default(ajv);
const validateSarif = ajv.compile(schema);

// any UTF-16 unit, lone surrogates and controls included, weighted towards what formats must escape
const awkwardChar = fc.oneof(
  fc.constantFrom('\n', '\r', '\r\n', '\t', ' ', '<', '>', '&', '"', "'", ']]>', '%', ':', ',', '`', '\\', '🐳', '日', 'ë', '\u0000', '\u001b', '\ud800', '\udc00', '\uffff'),
  fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
  fc.constantFrom('a', 'FROM', 'RUN', 'x'),
);
const awkwardString = fc.string({ unit: awkwardChar, maxLength: 40 });

const fileResult: fc.Arbitrary<FileResult> = fc
  .record({
    segments: fc.array(awkwardString.filter((segment) => !segment.includes('/') && !segment.includes('\\')), { minLength: 1, maxLength: 3 }),
    source: fc.string({ unit: awkwardChar, maxLength: 200 }),
    findings: fc.array(
      fc.record({
        a: fc.nat(),
        b: fc.nat(),
        ruleId: fc.constantFrom('no-latest-tag', 'apt-no-install-recommends', 'syntax-error', 'unregistered-rule'),
        severity: fc.constantFrom(...SEVERITIES),
        message: awkwardString,
        fix: fc.option(fc.record({ description: awkwardString, safety: fc.constantFrom('safe' as const, 'unsafe' as const), edits: fc.array(fc.record({ a: fc.nat(), b: fc.nat(), text: awkwardString }), { maxLength: 3 }) }), { nil: undefined }),
        suppressed: fc.option(fc.record({ kind: fc.constantFrom('inline' as const, 'config' as const, 'directive' as const) }), { nil: undefined }),
      }),
      { maxLength: 6 },
    ),
  })
  .map(({ segments, source, findings }) => {
    const index = new LineIndex(source);
    const clamp = (n: number) => n % (source.length + 1);
    const toFinding = (raw: (typeof findings)[number]): Finding => {
      const [start, end] = [clamp(raw.a), clamp(raw.b)].sort((x, y) => x - y) as [number, number];
      const fix: Fix | undefined = raw.fix && {
        ...raw.fix,
        edits: raw.fix.edits.map((edit) => {
          const [s, e] = [clamp(edit.a), clamp(edit.b)].sort((x, y) => x - y) as [number, number];
          return { start: s, end: e, text: edit.text };
        }),
      };
      return {
        ruleId: raw.ruleId,
        aliases: ['DL3007'],
        severity: raw.severity,
        message: raw.message,
        range: index.range(start, end),
        ...(fix && { fix }),
        ...(raw.suppressed && { suppressed: raw.suppressed }),
      };
    };
    return { filePath: `${CWD}/${segments.join('/')}`, source, findings: findings.map(toFinding) };
  });

/** every reporter: ours by name, and hadolint's shape of the names both tools have (`hadolint:json` ...) */
async function allReporters() {
  return Promise.all([
    ...REPORTER_NAMES.map(async (name) => [name, await getReporter(name)] as const),
    ...['json', 'sarif', 'checkstyle', 'junit'].map(async (name) => [`hadolint:${name}`, await getReporter(name, { hadolint: true })] as const),
  ]);
}

describe('reporters on arbitrary input', () => {
  it('never throw, and every machine format stays parseable (SARIF schema-valid, XML well-formed)', async () => {
    const reporters = await allReporters();
    fc.assert(
      fc.property(fc.array(fileResult, { maxLength: 3 }), fc.boolean(), (results, color) => {
        const reported = results.flatMap((result) => result.findings.filter((finding) => !finding.suppressed));
        for (const [name, reporter] of reporters) {
          const output = renderReport(reporter, results, context({ color, exitCode: 1 }));
          expect(typeof output).toBe('string');
          if (name === 'sarif' || name === 'json' || name === 'gitlab') {
            // written a piece at a time, laid out exactly as JSON.stringify(document, null, 2)
            expect(output).toBe(`${JSON.stringify(JSON.parse(output), null, 2)}\n`);
          }
          if (name === 'sarif' || name === 'hadolint:sarif') {
            const valid = validateSarif(JSON.parse(output));
            expect(validateSarif.errors ?? []).toEqual([]);
            expect(valid).toBe(true);
          } else if (name === 'json' || name === 'gitlab' || name === 'hadolint:json' || name === 'gitlab_codeclimate') {
            expect(Array.isArray(JSON.parse(output))).toBe(true);
          } else if (name === 'buildx-check') {
            // each reported finding is a warning, or the one build error
            const document = JSON.parse(output);
            expect(document.sources).toHaveLength(results.length);
            expect(document.warnings.length + (document.buildError ? 1 : 0)).toBeLessThanOrEqual(reported.length);
          } else if (name === 'sonarqube') {
            expect(JSON.parse(output).issues).toHaveLength(reported.length);
          } else if (name === 'checkstyle' || name === 'junit' || name === 'hadolint:checkstyle' || name === 'hadolint:junit') {
            parseXml(output);
          } else if (name === 'codeclimate' || name === 'codacy') {
            // a JSON document per finding, each ended by a NUL (codeclimate) or a line break (codacy)
            const documents = output.split(name === 'codeclimate' ? '\0' : '\n').filter((part) => part !== '');
            expect(documents.map((document) => JSON.parse(document))).toHaveLength(reported.length);
          } else if (name === 'compact' || name === 'github' || name === 'tty' || name === 'gnu') {
            const lines = output.split('\n').filter((line) => line !== '');
            // a finding is exactly one line, whatever its message holds
            expect(lines).toHaveLength(reported.length);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('write a report in pieces, none holding more than one file', async () => {
    const reporters = await allReporters();
    fc.assert(
      fc.property(fc.array(fileResult, { minLength: 2, maxLength: 4 }), (results) => {
        // distinct paths, so each piece shows which files it holds
        const files = results.map((result, i) => ({ ...result, filePath: `${CWD}/file-${i}/Dockerfile` }));
        for (const [name, reporter] of reporters) {
          const pieces = [...reporter(files, context({ exitCode: 1 }))];
          expect(pieces.join(''), name).toBe(renderReport(reporter, files, context({ exitCode: 1 })));
          for (const piece of pieces) {
            // SARIF lists every file once in its artifacts, before the results
            if (name === 'sarif' && piece.includes('"artifacts"')) continue;
            expect(files.filter((_, i) => piece.includes(`file-${i}/`)).length, `${name}: ${piece}`).toBeLessThanOrEqual(1);
          }
        }
      }),
      { numRuns: 50 },
    );
  });
});
