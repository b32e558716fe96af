/**
 * The result of `docker buildx build --call=check,format=json`: BuildKit's lint result
 * (frontend/subrequests/lint: `warnings[]` of ruleName, description, url, detail and a location
 * in `sources[]`, and `buildError` when the Dockerfile does not parse), so what reads BuildKit's
 * result reads ours. A finding of a BuildKit check goes by the check's name, description and
 * URL as BuildKit gives them; any other by its rule id and summary. Like BuildKit: ranges are
 * 1-based lines (no characters), a zero sourceIndex is left out, `<`, `>` and `&` are escaped
 * as Go's encoder does. Unlike it: `warnings` is `[]`, not `null`, when there are none, a source
 * has no LLB `definition`, and every file of the run is one source of one document. `data` is the
 * file's bytes, as BuildKit gives them.
 */
import { encodeText } from '../fix/encoding.ts';
import { buildkitCheckOf, BUILDKIT_CHECK_INFO } from '../linter/buildkit-checks.ts';
import { SYNTAX_ERROR_META } from '../linter/linter.ts';
import type { Finding, RuleMeta } from '../linter/types.ts';
import type { Reporter } from './types.ts';
import { eachOf, jsonArray, relativePath, reportedFindings } from './common.ts';

interface Location {
  sourceIndex?: number;
  ranges: { start: { line: number }; end: { line: number } }[];
}

function locationOf(finding: Finding, sourceIndex: number): Location {
  const range = { start: { line: finding.range.start.line }, end: { line: finding.range.end.line } };
  return sourceIndex === 0 ? { ranges: [range] } : { sourceIndex, ranges: [range] };
}

/** Go's json.Marshal escapes these inside strings (and they occur only inside strings) */
const GO_ESCAPED: Readonly<Record<string, string>> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '\u2028': '\\u2028', '\u2029': '\\u2029' };

function goEscape(json: string): string {
  return json.replace(/[<>&\u2028\u2029]/g, (c) => GO_ESCAPED[c]!);
}

/** written a file at a time, laid out as JSON.stringify(document, null, 2) */
const buildxCheck: Reporter = function* (results, context) {
  const metas = new Map<string, RuleMeta>(context.rules.map((meta) => [meta.id, meta]));
  let buildError: { message: string; location: Location } | undefined;
  function* warnings(): Generator<object> {
    for (const [sourceIndex, result] of results.entries()) {
      for (const finding of reportedFindings(result)) {
        // BuildKit stops at what it cannot parse: the first such error is the build's
        if (finding.ruleId === SYNTAX_ERROR_META.id && finding.severity === 'error') {
          buildError ??= { message: finding.message, location: locationOf(finding, sourceIndex) };
          continue;
        }
        const check = buildkitCheckOf(finding);
        const info = check === undefined ? undefined : BUILDKIT_CHECK_INFO[check];
        const description = info?.description ?? metas.get(finding.ruleId)?.docs.summary;
        yield {
          ruleName: check ?? finding.ruleId,
          ...(description && { description }),
          ...(info?.url && { url: info.url }),
          detail: finding.message,
          location: locationOf(finding, sourceIndex),
        };
      }
    }
  }
  yield '{\n  "warnings": ';
  for (const piece of jsonArray(warnings(), '  ')) yield goEscape(piece);
  yield ',\n  "sources": ';
  const sources = eachOf(results, (result) => ({
    filename: relativePath(result.filePath, context.cwd),
    data: Buffer.from(encodeText(result.source)).toString('base64'),
    language: 'Dockerfile',
  }));
  for (const piece of jsonArray(sources, '  ')) yield goEscape(piece);
  if (buildError) yield goEscape(`,\n  "buildError": ${JSON.stringify(buildError, null, 2).replaceAll('\n', '\n  ')}`);
  yield '\n}\n';
};

export default buildxCheck;
