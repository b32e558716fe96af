import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import { renderRuleDoc } from '../linter/docs.ts';
import type { FileResult, Finding, Fix, RuleMeta, Severity, Suppression } from '../linter/types.ts';
import { LineIndex, type Range } from '../parser/source.ts';
import type { Reporter } from './types.ts';
import { jsonArray, lineFingerprints, relativePath, sortFindings, toWellFormed, TOOL_NAME, TOOL_URI } from './common.ts';

const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
const SRCROOT = 'SRCROOT';
/** versioned, so a change of the fingerprint recipe does not match old alerts by accident */
const FINGERPRINT_KEY = 'tslintDocker/v1';

const LEVEL: Record<Severity, Sarif.ReportingConfiguration.level> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
  style: 'note',
};

const SUPPRESSION_KIND: Record<Suppression['kind'], Sarif.Suppression.kind> = {
  inline: 'inSource',
  directive: 'inSource',
  config: 'external',
};

const DEFAULT_JUSTIFICATION: Record<Suppression['kind'], string> = {
  inline: 'suppressed by an inline comment',
  directive: 'suppressed by a directive in the file',
  config: 'suppressed in the configuration',
};

/** Descriptions for findings whose rule is not in the registry (the parser's own). */
const BUILT_IN_DESCRIPTIONS: Record<string, string> = {
  'syntax-error': 'The Dockerfile could not be parsed',
};

/** `apt-no-install-recommends` → `AptNoInstallRecommends`, the form SARIF suggests for `name`. */
function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}

/**
 * The rule's documentation, as `explain` prints it and docs/rules/<id>.md (shipped in the package)
 * holds it: no `helpUri`, because no address of those files is known to resolve (the package
 * names no repository, and a link to a placeholder is worse than none).
 */
function ruleHelp(rule: RuleMeta): Sarif.MultiformatMessageString {
  const { docs } = rule;
  const text = [
    docs.description,
    `Why is this bad? ${docs.why}`,
    `Example:\n${docs.bad.trimEnd()}`,
    `Use instead:\n${docs.good.trimEnd()}`,
    ...(docs.fixSafety ? [`Fix safety: ${docs.fixSafety}`] : []),
  ];
  return { text: text.join('\n\n'), markdown: renderRuleDoc(rule) };
}

function ruleDescriptor(rule: RuleMeta, setting: Severity | 'off' | undefined): Sarif.ReportingDescriptor {
  return {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: rule.docs.summary },
    fullDescription: { text: rule.docs.description },
    help: ruleHelp(rule),
    // as configured for this run: the preset's severity, or the config's
    defaultConfiguration: setting === 'off' ? { enabled: false, level: LEVEL[rule.severity] } : { level: LEVEL[setting ?? rule.severity] },
    properties: {
      // SARIF wants tags unique
      tags: [...new Set([rule.category, ...rule.aliases])],
      category: rule.category,
      aliases: [...rule.aliases],
      ...(rule.fixable !== undefined && { fixable: rule.fixable }),
    },
  };
}

function unknownRuleDescriptor(finding: Finding): Sarif.ReportingDescriptor {
  return {
    id: finding.ruleId,
    name: pascalCase(finding.ruleId),
    shortDescription: { text: BUILT_IN_DESCRIPTIONS[finding.ruleId] ?? finding.ruleId },
    defaultConfiguration: { level: LEVEL[finding.severity] },
    properties: { tags: [...new Set(finding.aliases)], aliases: [...finding.aliases] },
  };
}

/** A relative, percent-encoded URI under SRCROOT, or an absolute file URI when there is no relative path. */
function artifactLocation(filePath: string, cwd: string): Sarif.ArtifactLocation {
  const relative = toWellFormed(relativePath(filePath, cwd));
  if (/^(?:[A-Za-z]:)?\//.test(relative)) return { uri: pathToFileURL(path.resolve(cwd, filePath)).href };
  return { uri: relative.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

function srcRootUri(cwd: string): string {
  const href = pathToFileURL(path.resolve(cwd)).href;
  return href.endsWith('/') ? href : `${href}/`;
}

/** Both forms of a region (line/column and offset/length), clamped so a bad range still yields a valid log. */
function region(index: LineIndex, startOffset: number, endOffset: number): Sarif.Region {
  const length = index.text.length;
  const start = Math.min(Math.max(0, startOffset), length);
  const end = Math.min(Math.max(start, endOffset), length);
  const from = index.position(start);
  const to = index.position(end);
  return {
    startLine: from.line,
    startColumn: from.column,
    endLine: to.line,
    endColumn: to.column,
    charOffset: start,
    charLength: end - start,
  };
}

/** The finding's own positions; clamped only so a faulty rule cannot make the log invalid. */
function findingRegion({ start, end }: Range): Sarif.Region {
  return {
    startLine: Math.max(1, start.line),
    startColumn: Math.max(1, start.column),
    endLine: Math.max(1, end.line),
    endColumn: Math.max(1, end.column),
    charOffset: Math.max(0, start.offset),
    charLength: Math.max(0, end.offset - start.offset),
  };
}

function sarifFix(fix: Fix, location: Sarif.ArtifactLocation, index: LineIndex, kind: string): Sarif.Fix {
  return {
    description: { text: fix.description },
    artifactChanges: [
      {
        artifactLocation: location,
        replacements: fix.edits.map((edit) => ({
          deletedRegion: region(index, edit.start, edit.end),
          // an absent insertedContent means a pure deletion
          ...(edit.text !== '' && { insertedContent: { text: edit.text } }),
        })),
      },
    ],
    properties: { safety: fix.safety, kind },
  };
}

/**
 * SARIF 2.1.0 for GitHub code scanning and other SARIF viewers. Every rule is listed;
 * suppressed findings stay in as results carrying `suppressions`. The results, the bulk
 * of a log, are written a file at a time after the rest of the document.
 */
const sarif: Reporter = function* (results, context) {
  const descriptors: Sarif.ReportingDescriptor[] = [];
  const ruleIndexes = new Map<string, number>();
  const addDescriptor = (descriptor: Sarif.ReportingDescriptor) => {
    ruleIndexes.set(descriptor.id, descriptors.length);
    descriptors.push(descriptor);
  };
  for (const rule of context.rules) {
    if (!ruleIndexes.has(rule.id)) addDescriptor(ruleDescriptor(rule, context.ruleSettings?.get(rule.id)));
  }
  // findings of rules outside the registry (the parser's) get a descriptor too, before
  // the rules are written, in the order they first occur; only those few are sorted (a
  // stable sort of a subset keeps the order they have among all of a file's findings)
  for (const file of results) {
    const unknown = file.findings.filter((finding) => !ruleIndexes.has(finding.ruleId));
    for (const finding of sortFindings(unknown)) {
      if (!ruleIndexes.has(finding.ruleId)) addDescriptor(unknownRuleDescriptor(finding));
    }
  }

  const artifacts: Sarif.Artifact[] = [];
  const fileLocations: Sarif.ArtifactLocation[] = [];
  // SARIF wants artifacts unique, and a file may be given twice
  const artifactIndexes = new Map<string, number>();
  for (const file of results) {
    const location = artifactLocation(file.filePath, context.cwd);
    let artifactIndex = artifactIndexes.get(location.uri!);
    if (artifactIndex === undefined) {
      artifactIndex = artifacts.length;
      artifactIndexes.set(location.uri!, artifactIndex);
      artifacts.push({ location, sourceLanguage: 'dockerfile' });
    }
    fileLocations.push({ ...location, index: artifactIndex });
  }

  const exitCode = context.exitCode;
  const log: Sarif.Log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            version: context.toolVersion,
            informationUri: TOOL_URI,
            rules: descriptors,
          },
        },
        // exit codes 0 (clean) and 1 (findings) are a completed run; anything else is a failure
        invocations: [
          {
            executionSuccessful: exitCode === undefined || exitCode === 0 || exitCode === 1,
            ...(exitCode !== undefined && { exitCode }),
          },
        ],
        originalUriBaseIds: { [SRCROOT]: { uri: srcRootUri(context.cwd) } },
        artifacts,
        columnKind: 'utf16CodeUnits',
        // the last property of the document: written in place of this empty array below
        results: [],
      },
    ],
  };
  const document = JSON.stringify(log, null, 2);
  const at = document.lastIndexOf(RESULTS_PLACEHOLDER);
  yield document.slice(0, at + RESULTS_PLACEHOLDER.length - 2);
  yield* jsonArray(eachFileResult(results, fileLocations, (finding) => ruleIndexes.get(finding.ruleId)!), RESULTS_INDENT);
  yield `${document.slice(at + RESULTS_PLACEHOLDER.length)}\n`;
};

/** how JSON.stringify(log, null, 2) lays out the run's (empty) results, and their depth */
const RESULTS_PLACEHOLDER = '"results": []';
const RESULTS_INDENT = '      ';

function* eachFileResult(
  results: readonly FileResult[],
  locations: readonly Sarif.ArtifactLocation[],
  ruleIndexOf: (finding: Finding) => number,
): Generator<Sarif.Result> {
  for (const [i, file] of results.entries()) yield* fileResults(file, locations[i]!, ruleIndexOf);
}

function fileResults(
  file: FileResult,
  location: Sarif.ArtifactLocation,
  ruleIndexOf: (finding: Finding) => number,
): Sarif.Result[] {
  if (file.findings.length === 0) return [];
  const index = new LineIndex(file.source);
  const fingerprints = lineFingerprints(file);
  return sortFindings(file.findings).map((finding) => {
    // SARIF requires at least one replacement, and a fix without edits changes nothing anyway
    const fixes = [
      ...(finding.fix ? [sarifFix(finding.fix, location, index, 'fix')] : []),
      ...(finding.suggestions ?? []).map((suggestion) => sarifFix(suggestion, location, index, 'suggestion')),
    ].filter((fix) => fix.artifactChanges[0]!.replacements.length > 0);
    const result: Sarif.Result = {
      ruleId: finding.ruleId,
      ruleIndex: ruleIndexOf(finding),
      level: LEVEL[finding.severity],
      message: { text: finding.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: location,
            region: findingRegion(finding.range),
          },
        },
      ],
      partialFingerprints: { [FINGERPRINT_KEY]: fingerprints.get(finding)! },
      properties: { severity: finding.severity, aliases: [...finding.aliases] },
    };
    if (fixes.length > 0) result.fixes = fixes;
    if (finding.suppressed) {
      result.suppressions = [
        {
          kind: SUPPRESSION_KIND[finding.suppressed.kind],
          justification: finding.suppressed.justification ?? DEFAULT_JUSTIFICATION[finding.suppressed.kind],
        },
      ];
    }
    return result;
  });
}

export default sarif;
