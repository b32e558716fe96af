import { NoEngineError } from '../engine/types.ts';
import { formatBytes } from './render.ts';
import { EngineReadError, VerifyUsageError, type ImageMeasure, type SmokeComparison, type VerifyReport } from './types.ts';

export interface VerifyOutcome {
  exitCode: 0 | 1 | 2;
  /** one line for the terminal */
  message: string;
}

/**
 * A fix may add a little: a cache-order split copies the manifests twice, and layer
 * metadata grows. Growth within this allowance is not "larger".
 */
export function sizeAllowance(originalBytes: number): number {
  return Math.max(64 * 1024, Math.round(originalBytes * 0.005));
}

function fixList(report: VerifyReport): string {
  if (report.fixesApplied.length === 0) return 'no fixes were applied';
  return report.fixesApplied.map((fix) => `${fix.ruleId} (line ${fix.line})`).join(', ');
}

/**
 * Exit codes: 0 the fixed image builds and is not worse; 1 the fixed build fails while the
 * original builds, the fix removes a package named by --fail-on-removed, a --smoke command
 * behaves differently, or the fixed image is larger; 2 the original does not build.
 */
export function verifyOutcome(report: VerifyReport): VerifyOutcome {
  const { original, fixed } = report;
  const log = (measure: ImageMeasure): string => `log: ${measure.logFile ?? 'not kept'}`;
  if (!original.built) {
    if (original.failure) return { exitCode: 2, message: `the original Dockerfile does not build as asked: ${original.failure}; ${log(original)}` };
    const forPlatform = report.platform ? ` for ${report.platform}` : '';
    // with --platform the usual causes: base images only for other platforms, RUN without emulation
    const platformHint = report.platform
      ? `; for ${report.platform} its base images must exist for that platform, locally or in a reachable registry, and RUN steps need a host or emulator that runs it`
      : '';
    return {
      exitCode: 2,
      message: `the original Dockerfile does not build${forPlatform} with ${report.engine}, so there is nothing to compare (not a tslint-docker problem${platformHint}); ${log(original)}`,
    };
  }
  if (!fixed.built) {
    const why = fixed.failure ? ` (${fixed.failure})` : '';
    return {
      exitCode: 1,
      message: `the fixed Dockerfile fails to build${why} while the original builds; fixes involved: ${fixList(report)}; ${log(fixed)}`,
    };
  }
  const problems: string[] = [];
  const named = report.packages?.removedNamed ?? [];
  if (named.length > 0) problems.push(`the fix removes ${named.length === 1 ? 'package' : 'packages'} ${named.join(', ')} (--fail-on-removed)`);
  for (const run of report.smoke ?? []) {
    if (run.differs.length > 0) problems.push(`smoke command \`${run.command}\` behaves differently (${run.differs.map(describeDifference(run)).join(', ')})`);
  }
  const grew = report.delta.sizeBytes ?? 0;
  if (grew > sizeAllowance(original.sizeBytes ?? 0)) problems.push(`the fixed image is larger by ${formatBytes(grew)}`);
  if (problems.length > 0) return { exitCode: 1, message: `${problems.join('; ')}; fixes involved: ${fixList(report)}` };
  return { exitCode: 0, message: `the fixed Dockerfile builds with ${report.engine}: ${summarizeGain(report)}` };
}

/** "exit 0 became 127", "stdout", "stderr" */
function describeDifference(run: SmokeComparison): (what: SmokeComparison['differs'][number]) => string {
  return (what) => (what === 'exitCode' ? `exit ${run.original.exitCode} became ${run.fixed.exitCode}` : what);
}

/** "saves 39.2 MB (12%), rebuild after a source edit re-runs 1 step instead of 2" */
export function summarizeGain(report: VerifyReport): string {
  const parts: string[] = [];
  const { original, fixed, delta } = report;
  if (delta.sizeBytes !== null && original.sizeBytes) {
    const percent = Math.round((Math.abs(delta.sizeBytes) / original.sizeBytes) * 100);
    if (delta.sizeBytes < 0) parts.push(`saves ${formatBytes(-delta.sizeBytes)} (${percent}%)`);
    else if (delta.sizeBytes > 0) parts.push(`adds ${formatBytes(delta.sizeBytes)} (${percent}%)`);
    else parts.push('same size');
  }
  if (original.rebuild && fixed.rebuild) {
    const steps = (n: number): string => `${n} step${n === 1 ? '' : 's'}`;
    parts.push(
      original.rebuild.stepsRun === fixed.rebuild.stepsRun
        ? `rebuild after a source edit re-runs ${steps(fixed.rebuild.stepsRun)} either way`
        : `rebuild after a source edit re-runs ${steps(fixed.rebuild.stepsRun)} instead of ${original.rebuild.stepsRun}`,
    );
  }
  return parts.join(', ') || 'no measurable change';
}

/** Errors verify throws: no engine, or bad arguments; both exit 2. */
export function verifyErrorOutcome(error: unknown): VerifyOutcome | undefined {
  if (error instanceof NoEngineError || error instanceof VerifyUsageError || error instanceof EngineReadError) return { exitCode: 2, message: error.message };
  return undefined;
}
