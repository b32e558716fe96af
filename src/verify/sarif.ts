/**
 * `verify --format sarif`: each applied fix is a result at its line, with the measured
 * effect of the whole fixed build in its properties; a fixed build that fails, or an
 * image that grows, is an error result. The full report rides in the run's properties.
 */
import { relative } from 'node:path';
import type * as Sarif from 'sarif';
import type { RuleMeta } from '../linter/types.ts';
import { formatBytes } from './render.ts';
import { verifyOutcome } from './outcome.ts';
import type { VerifyReport } from './types.ts';

export function verifySarif(report: VerifyReport, context: { rules: readonly RuleMeta[]; cwd: string; toolVersion: string }): string {
  const uri = relative(context.cwd, report.dockerfile).split('\\').join('/') || report.dockerfile;
  const outcome = verifyOutcome(report);
  // the original's wasted bytes, at lines of the user's file (the fixed file's lines may differ); the base image's own are not the file's doing
  const waste = report.original.waste?.rows.filter((row) => row.writtenLine !== row.removedLine) ?? [];
  const fixedWaste = report.fixed.waste ? `; the fixed image wastes ${formatBytes(report.fixed.waste.wastedBytes)} in all` : '';
  const usedRules = [...new Set([...report.fixesApplied.map((f) => f.ruleId), ...waste.flatMap((row) => row.explainedBy.map((e) => e.ruleId))])];
  const rules: Sarif.ReportingDescriptor[] = usedRules.map((id) => {
    const meta = context.rules.find((m) => m.id === id);
    return { id, shortDescription: { text: meta?.docs.summary ?? id } };
  });
  const effect = [
    report.delta.sizeBytes !== null ? `image ${report.delta.sizeBytes <= 0 ? 'smaller' : 'larger'} by ${formatBytes(Math.abs(report.delta.sizeBytes))}` : undefined,
    report.delta.rebuildStepsRun !== null ? `rebuild after a source edit re-runs ${report.fixed.rebuild?.stepsRun} steps instead of ${report.original.rebuild?.stepsRun}` : undefined,
  ].filter(Boolean).join('; ');
  const location = (line: number): Sarif.Location => ({
    physicalLocation: { artifactLocation: { uri, uriBaseId: 'SRCROOT' }, region: { startLine: Math.max(1, line) } },
  });
  const results: Sarif.Result[] = report.fixesApplied.map((f) => ({
    ruleId: f.ruleId,
    ruleIndex: usedRules.indexOf(f.ruleId),
    level: outcome.exitCode === 0 ? 'note' : 'error',
    message: { text: `Fixed by tslint-docker --fix, verified with ${report.engine}: ${effect || 'no measurable change'}` },
    locations: [location(f.line)],
    properties: { delta: report.delta },
  }));
  for (const row of waste) {
    const why = row.explainedBy[0];
    const how = row.overwrittenBytes > 0 && row.deletedBytes === 0 ? 'written again' : 'deleted';
    results.push({
      ...(why ? { ruleId: why.ruleId, ruleIndex: usedRules.indexOf(why.ruleId) } : {}),
      level: 'note',
      message: {
        text: `${formatBytes(row.sizeBytes)} in ${row.files} file${row.files === 1 ? '' : 's'} written by line ${row.writtenLine}, ${how} by line ${row.removedLine}: still stored and pulled with the image (measured with ${report.engine}${fixedWaste})${
          why ? `. ${why.ruleId}: ${why.message}${why.fix ? ` (fix, ${why.fix.safety}: ${why.fix.description})` : ''}` : ''
        }`,
      },
      locations: [location(why?.line ?? row.removedLine)],
      properties: { waste: row },
    });
  }
  if (outcome.exitCode !== 0) {
    results.push({ level: 'error', message: { text: outcome.message }, locations: [location(1)] });
  }
  const log: Sarif.Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'tslint-docker', version: context.toolVersion, informationUri: 'https://www.npmjs.com/package/tslint-docker', rules } },
      originalUriBaseIds: { SRCROOT: { uri: `file://${context.cwd.endsWith('/') ? context.cwd : `${context.cwd}/`}` } },
      invocations: [{ executionSuccessful: outcome.exitCode !== 2, exitCode: outcome.exitCode }],
      results,
      properties: { verify: report },
    }],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
