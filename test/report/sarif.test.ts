import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type * as Sarif from 'sarif';
import { describe, expect, it } from 'vitest';
import { renderRuleDoc } from '../../src/linter/docs.ts';
import type { FileResult } from '../../src/linter/types.ts';
import { renderReport } from '../../src/report/index.ts';
import sarif from '../../src/report/sarif.ts';
import {
  AWKWARD_MESSAGE,
  awkwardResult,
  cleanResult,
  context,
  CWD,
  findingAt,
  mainResult,
  RULES,
  syntaxErrorResult,
} from './fixtures.ts';

const schema = JSON.parse(readFileSync(new URL('../../schemas/sarif-2.1.0.json', import.meta.url), 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: false });
// ajv-formats is CommonJS: under NodeNext the plugin is the module's `default` property
addFormatsModule.default(ajv);
const validateSarif = ajv.compile(schema);

function report(results: FileResult[], overrides: Parameters<typeof context>[0] = {}): Sarif.Log {
  const text = renderReport(sarif, results, context(overrides));
  const log = JSON.parse(text) as Sarif.Log;
  const valid = validateSarif(log);
  expect(validateSarif.errors ?? [], 'SARIF schema errors').toEqual([]);
  expect(valid).toBe(true);
  return log;
}

const run = (log: Sarif.Log) => log.runs[0]!;
const results = (log: Sarif.Log) => run(log).results!;

/** Applies a SARIF fix's replacements (by charOffset/charLength) to the original text. */
function applyFix(source: string, fix: Sarif.Fix): string {
  const replacements = fix.artifactChanges.flatMap((change) => change.replacements);
  let output = source;
  for (const replacement of [...replacements].sort((a, b) => b.deletedRegion.charOffset! - a.deletedRegion.charOffset!)) {
    const { charOffset, charLength } = replacement.deletedRegion;
    output = output.slice(0, charOffset) + (replacement.insertedContent?.text ?? '') + output.slice(charOffset! + charLength!);
  }
  return output;
}

describe('sarif reporter', () => {
  it('validates against the official SARIF 2.1.0 schema we ship', () => {
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.$id).toMatch(/sarif-spec\/.*\/Schemata\/sarif-schema-2\.1\.0\.json$/);
    // a schema that accepted anything would make every other test here pointless
    expect(validateSarif({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).toBe(false);
    expect(validateSarif({ version: '2.1.0', runs: [], extra: 1 })).toBe(false);
    // formats are checked too, so an unencoded space in a URI would be caught
    expect(validateSarif({ $schema: 'not a uri', version: '2.1.0', runs: [] })).toBe(false);
  });

  it('produces valid logs for zero files, a clean file, awkward input and a parse error', () => {
    expect(results(report([]))).toEqual([]);
    expect(results(report([cleanResult()]))).toEqual([]);
    report([mainResult(), awkwardResult(), syntaxErrorResult(), cleanResult()], { exitCode: 1 });
    report([mainResult()], { rules: [], exitCode: 2 });
  });

  it('describes the tool and every rule, reported or not', () => {
    const driver = run(report([])).tool.driver;
    expect(driver).toMatchObject({ name: 'tslint-docker', version: '1.2.3' });
    expect(driver.informationUri).toMatch(/^https:\/\//);
    expect(driver.rules!.map((rule) => rule.id)).toEqual(RULES.map((rule) => rule.id));
    const maintainer = driver.rules!.find((rule) => rule.id === 'maintainer-deprecated')!;
    expect(maintainer).toMatchObject({
      name: 'MaintainerDeprecated',
      shortDescription: { text: 'MAINTAINER is deprecated' },
      fullDescription: { text: 'Flags the MAINTAINER instruction.' },
      defaultConfiguration: { level: 'note' },
      properties: {
        tags: ['maintainability', 'DL4000', 'MaintainerDeprecated'],
        category: 'maintainability',
        aliases: ['DL4000', 'MaintainerDeprecated'],
      },
    });
    expect(maintainer.help!.text).toContain('Why is this bad? It was replaced by a label');
    // the example holds ``` and ````, so the fence must be five backticks long
    expect(maintainer.help!.markdown).toContain('`````dockerfile\nMAINTAINER a@b.c\n# a comment with ``` and ```` in it\n`````');
    const levels = Object.fromEntries(driver.rules!.map((rule) => [rule.id, rule.defaultConfiguration!.level]));
    expect(levels).toEqual({
      'apt-no-install-recommends': 'warning',
      'no-latest-tag': 'error',
      'maintainer-deprecated': 'note',
      'instruction-case': 'note',
    });
  });

  it('describes each rule at the severity the run resolved for it, off as disabled', () => {
    const ruleSettings = new Map([['no-latest-tag', 'warning'], ['maintainer-deprecated', 'off']] as const);
    const driver = run(report([], { ruleSettings })).tool.driver;
    const configurations = Object.fromEntries(driver.rules!.map((rule) => [rule.id, rule.defaultConfiguration]));
    expect(configurations).toEqual({
      // files that disagree leave a rule out: it is described at its own severity
      'apt-no-install-recommends': { level: 'warning' },
      'no-latest-tag': { level: 'warning' },
      'maintainer-deprecated': { enabled: false, level: 'note' },
      'instruction-case': { level: 'note' },
    });
  });

  it('carries each rule\'s doc (docs/rules/<id>.md, shipped in the package) as help, and no helpUri that might not resolve', () => {
    const driver = run(report([])).tool.driver;
    expect(driver.rules!.every((rule) => rule.helpUri === undefined)).toBe(true);
    for (const rule of RULES) expect(driver.rules!.find((r) => r.id === rule.id)!.help!.markdown).toBe(renderRuleDoc(rule));
  });

  it('reports results with rule indexes, levels, exact regions and relative locations', () => {
    const log = report([mainResult()]);
    const driverRules = run(log).tool.driver.rules!;
    const found = results(log);
    expect(found.map((result) => [result.ruleId, result.level])).toEqual([
      ['no-latest-tag', 'error'],
      ['maintainer-deprecated', 'note'],
      ['apt-no-install-recommends', 'warning'],
      ['instruction-case', 'note'],
    ]);
    for (const result of found) expect(driverRules[result.ruleIndex!]!.id).toBe(result.ruleId);
    expect(found[0]!.message.text).toBe('Pin "ubuntu" to a version instead of `latest`');
    expect(found[0]!.locations![0]!.physicalLocation).toEqual({
      artifactLocation: { uri: 'Dockerfile', uriBaseId: 'SRCROOT', index: 0 },
      region: { startLine: 1, startColumn: 6, endLine: 1, endColumn: 19, charOffset: 5, charLength: 13 },
    });
    expect(run(log).originalUriBaseIds).toEqual({ SRCROOT: { uri: `file://${CWD}/` } });
    expect(run(log).columnKind).toBe('utf16CodeUnits');
    expect(run(log).artifacts).toEqual([{ location: { uri: 'Dockerfile', uriBaseId: 'SRCROOT' }, sourceLanguage: 'dockerfile' }]);
  });

  it('counts columns in UTF-16 code units and percent-encodes the relative URI', () => {
    const [result] = results(report([awkwardResult()]));
    const location = result!.locations![0]!.physicalLocation!;
    // "RUN echo \"日本 🐳\" && " is 20 UTF-16 units: the whale is a surrogate pair
    expect(location.region).toMatchObject({ startLine: 2, startColumn: 21, endLine: 2, endColumn: 27 });
    expect(location.artifactLocation!.uri).toBe('dir%20with%20space/Dock%C3%ABr%2Cfile%3A%3C%26%3E%5D%5D%3E%25');
    expect(decodeURIComponent(location.artifactLocation!.uri!)).toBe('dir with space/Dockër,file:<&>]]>%');
    expect(result!.message.text).toBe(AWKWARD_MESSAGE);
  });

  it('uses ../ for files outside cwd and keeps relative input paths relative to cwd', () => {
    const outside = { ...cleanResult(), filePath: '/work/other/Dockerfile' };
    const relative = { ...cleanResult(), filePath: 'nested/Dockerfile' };
    const artifacts = run(report([outside, relative])).artifacts!;
    expect(artifacts.map((artifact) => artifact.location!.uri)).toEqual(['../other/Dockerfile', 'nested/Dockerfile']);
  });

  it('lists a file given twice as one artifact', () => {
    const log = report([mainResult(), mainResult()]);
    expect(run(log).artifacts).toHaveLength(1);
    expect(new Set(results(log).map((result) => result.locations![0]!.physicalLocation!.artifactLocation!.index))).toEqual(new Set([0]));
  });

  it('drops fixes without edits, which SARIF cannot express', () => {
    const file = mainResult();
    file.findings[0] = { ...file.findings[0]!, fix: { description: 'nothing', safety: 'safe', edits: [] } };
    expect(results(report([file]))[0]!.fixes).toBeUndefined();
  });

  it('turns fixes and suggestions into replacements that reproduce the fixed text', () => {
    const file = mainResult();
    const found = results(report([file]));
    const apt = found.find((result) => result.ruleId === 'apt-no-install-recommends')!;
    expect(apt.fixes).toHaveLength(1);
    const [replacement] = apt.fixes![0]!.artifactChanges[0]!.replacements;
    // an insertion deletes nothing: both region forms agree on an empty range
    expect(replacement!.deletedRegion).toEqual({
      startLine: 3,
      startColumn: 38,
      endLine: 3,
      endColumn: 38,
      charOffset: 87,
      charLength: 0,
    });
    expect(apt.fixes![0]!.properties).toEqual({ safety: 'safe', kind: 'fix' });
    expect(applyFix(file.source, apt.fixes![0]!)).toBe(
      file.source.replace('apt-get install -y', 'apt-get install --no-install-recommends -y'),
    );

    const maintainer = found.find((result) => result.ruleId === 'maintainer-deprecated')!;
    expect(applyFix(file.source, maintainer.fixes![0]!)).toContain('\nLABEL org.opencontainers.image.authors="Zoë <z@example.com>"\nRUN');
    expect(found.find((result) => result.ruleId === 'no-latest-tag')!.fixes).toBeUndefined();

    const source = 'FROM a\nRUN rm -rf /x\n';
    const withSuggestion: FileResult = {
      filePath: 'Dockerfile',
      source,
      findings: [
        findingAt(source, 'rm -rf /x', {
          ruleId: 'no-latest-tag',
          aliases: [],
          severity: 'warning',
          message: 'm',
          suggestions: [{ description: 'drop it', safety: 'unsafe', edits: [{ start: 7, end: 21, text: '' }] }],
        }),
      ],
    };
    const [suggested] = results(report([withSuggestion]));
    expect(suggested!.fixes![0]!.properties).toEqual({ safety: 'unsafe', kind: 'suggestion' });
    // a pure deletion has no insertedContent
    expect(suggested!.fixes![0]!.artifactChanges[0]!.replacements[0]!.insertedContent).toBeUndefined();
    expect(applyFix(source, suggested!.fixes![0]!)).toBe('FROM a\n');
  });

  it('keeps a fix valid when a rule hands it offsets outside the text', () => {
    const source = 'FROM a\n';
    const broken: FileResult = {
      filePath: 'Dockerfile',
      source,
      findings: [
        findingAt(source, 'a', {
          ruleId: 'no-latest-tag',
          aliases: [],
          severity: 'error',
          message: 'm',
          fix: { description: 'd', safety: 'safe', edits: [{ start: 50, end: 3, text: 'x' }] },
        }),
      ],
    };
    const [result] = results(report([broken]));
    expect(result!.fixes![0]!.artifactChanges[0]!.replacements[0]!.deletedRegion).toMatchObject({ charOffset: 7, charLength: 0 });
  });

  it('keeps suppressed findings as results with suppressions', () => {
    const file = mainResult();
    const configSource = 'FROM a:latest\n';
    const configSuppressed: FileResult = {
      filePath: 'other/Dockerfile',
      source: configSource,
      findings: [
        findingAt(configSource, 'a:latest', {
          ruleId: 'no-latest-tag',
          aliases: [],
          severity: 'error',
          message: 'm',
          suppressed: { kind: 'config' },
        }),
      ],
    };
    const found = results(report([file, configSuppressed]));
    const inline = found.find((result) => result.ruleId === 'instruction-case')!;
    expect(inline.suppressions).toEqual([{ kind: 'inSource', justification: '# tslint-docker-ignore instruction-case' }]);
    expect(found.at(-1)!.suppressions).toEqual([{ kind: 'external', justification: 'suppressed in the configuration' }]);
    expect(found.filter((result) => result.suppressions === undefined)).toHaveLength(3);
  });

  it('adds a descriptor for a finding whose rule is not registered (the parse error)', () => {
    const log = report([syntaxErrorResult()]);
    const [result] = results(log);
    const descriptor = run(log).tool.driver.rules![result!.ruleIndex!]!;
    expect(descriptor).toMatchObject({
      id: 'syntax-error',
      name: 'SyntaxError',
      shortDescription: { text: 'The Dockerfile could not be parsed' },
      defaultConfiguration: { level: 'error' },
    });
    expect(result!.locations![0]!.physicalLocation!.region).toEqual({
      startLine: 3,
      startColumn: 1,
      endLine: 3,
      endColumn: 1,
      charOffset: 22,
      charLength: 0,
    });
    expect(result!.locations![0]!.physicalLocation!.artifactLocation!.uri).toBe('sub/Dockerfile.broken');
  });

  it('records the exit code and whether the run completed', () => {
    expect(run(report([], { exitCode: 0 })).invocations).toEqual([{ executionSuccessful: true, exitCode: 0 }]);
    expect(run(report([], { exitCode: 1 })).invocations).toEqual([{ executionSuccessful: true, exitCode: 1 }]);
    expect(run(report([], { exitCode: 2 })).invocations).toEqual([{ executionSuccessful: false, exitCode: 2 }]);
    expect(run(report([])).invocations).toEqual([{ executionSuccessful: true }]);
  });
});

describe('sarif fingerprints', () => {
  const fingerprintsOf = (file: FileResult) =>
    results(report([file])).map((result) => [result.ruleId, result.partialFingerprints!['tslintDocker/v1']]);

  const latest = (source: string, occurrence = 0) =>
    findingAt(source, 'alpine:latest', { ruleId: 'no-latest-tag', aliases: [], severity: 'error', message: 'm' }, occurrence);

  it('survive inserting lines above and changing indentation', () => {
    const before = 'FROM alpine:latest\nRUN echo hi\n';
    const after = '# syntax=docker/dockerfile:1\n\nARG X=1\n  FROM   alpine:latest\nRUN echo hi\n';
    const original = fingerprintsOf({ filePath: 'Dockerfile', source: before, findings: [latest(before)] });
    const moved = fingerprintsOf({ filePath: 'Dockerfile', source: after, findings: [latest(after)] });
    expect(moved).toEqual(original);
    expect(original[0]![1]).toMatch(/^[0-9a-f]{64}$/);
  });

  it('tell identical lines apart by occurrence and change when the flagged line changes', () => {
    const source = 'FROM alpine:latest AS a\nFROM alpine:latest AS a\n';
    const twice = fingerprintsOf({ filePath: 'Dockerfile', source, findings: [latest(source, 1), latest(source, 0)] });
    expect(new Set(twice.map(([, fingerprint]) => fingerprint)).size).toBe(2);

    const edited = 'FROM alpine:latest AS b\nFROM alpine:latest AS a\n';
    const [first] = fingerprintsOf({ filePath: 'Dockerfile', source: edited, findings: [latest(edited, 0)] });
    expect(twice).not.toContainEqual(first);
  });

  it('are not renumbered when one of two identical findings is suppressed', () => {
    const source = 'FROM alpine:latest AS a\nFROM alpine:latest AS a\n';
    const plain = fingerprintsOf({ filePath: 'Dockerfile', source, findings: [latest(source, 0), latest(source, 1)] });
    const suppressed = fingerprintsOf({
      filePath: 'Dockerfile',
      source,
      findings: [{ ...latest(source, 0), suppressed: { kind: 'inline' } }, latest(source, 1)],
    });
    expect(suppressed).toEqual(plain);
  });
});
