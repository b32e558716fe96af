/** `tslint-docker verify`: lint-fix the Dockerfile in memory, build both versions, compare. */
import { resolve } from 'node:path';
import { fixText } from '../fix/apply.ts';
import { getLinter } from '../linter/index.ts';
import { configFor, lintOptionsFrom } from '../linter/service.ts';
import { verifyErrorOutcome, verifyOutcome, summarizeGain } from '../verify/outcome.ts';
import { renderVerifyReport } from '../verify/render.ts';
import { verify } from '../verify/verify.ts';
import { wasteFindingsOf } from '../verify/waste.ts';
import { verifySarif } from '../verify/sarif.ts';
import type { VerifyOptions } from '../verify/types.ts';
import { UsageError } from './errors.ts';
import type { CliIO } from './io.ts';

export interface VerifyArgs {
  dockerfile: string;
  context?: string;
  engine: 'auto' | 'docker' | 'buildah' | 'podman';
  builder?: string;
  unsafeFixes: boolean;
  target?: string;
  buildArg: string[];
  platform?: string;
  network: string;
  format: 'stylish' | 'json' | 'sarif';
  keepImages: boolean;
  verbose: boolean;
  failOnRemoved: string[];
  smoke: string[];
  /** seconds */
  smokeTimeout: number;
}

export async function runVerify(args: VerifyArgs, io: CliIO): Promise<number> {
  const dockerfile = resolve(io.cwd, args.dockerfile);
  const buildArgs: Record<string, string> = {};
  for (const kv of args.buildArg) {
    const eq = kv.indexOf('=');
    if (eq <= 0) throw new UsageError(`bad --build-arg '${kv}': use --build-arg NAME=VALUE`);
    buildArgs[kv.slice(0, eq)] = kv.slice(eq + 1);
  }
  if (!(args.smokeTimeout > 0)) throw new UsageError(`bad --smoke-timeout ${args.smokeTimeout}: give seconds, more than 0`);
  const config = await configFor({ filePath: dockerfile });
  const options = lintOptionsFrom(config, dockerfile, args.context && resolve(io.cwd, args.context));
  const linter = getLinter();
  const fix = (text: string) => {
    const outcome = fixText(text, (t) => linter.lint(t, options).findings, { unsafe: args.unsafeFixes });
    return { output: outcome.output, fixesApplied: outcome.applied.map((a) => ({ ruleId: a.ruleId, line: a.line })) };
  };
  // every rule, whatever the preset or the config turns off: verify keeps those that explain the wasted bytes it measured
  const lint = (text: string) => wasteFindingsOf(linter.lint(text, { ...options, rules: {}, enableAll: true }).findings);
  const verifyOptions: VerifyOptions = {
    dockerfile, engine: args.engine, buildArgs, network: args.network, keepImages: args.keepImages,
    failOnRemoved: args.failOnRemoved, smoke: args.smoke, smokeTimeoutMs: args.smokeTimeout * 1000, lint,
    onProgress: (e) => { if (io.isTTY) io.stderr(`\r${e.phase}${'variant' in e ? ` ${e.variant}` : ''}...        `); },
    ...(args.verbose ? { onEngineLine: (variant, line) => io.stderr(`[${variant}] ${line}\n`) } : {}),
    ...(args.context !== undefined ? { context: resolve(io.cwd, args.context) } : {}),
    ...(args.builder !== undefined ? { builder: args.builder } : {}),
    ...(args.target !== undefined ? { target: args.target } : {}),
    ...(args.platform !== undefined ? { platform: args.platform } : {}),
  };
  try {
    const report = await verify(verifyOptions, fix);
    if (io.isTTY) io.stderr('\r\x1b[K');
    const outcome = verifyOutcome(report);
    if (args.format === 'json') io.stdout(JSON.stringify(report, null, 2) + '\n');
    else if (args.format === 'sarif') io.stdout(verifySarif(report, { rules: linter.metas, cwd: io.cwd, toolVersion: io.version }));
    else io.stdout(renderVerifyReport(report) + (report.original.built ? `\n${summarizeGain(report)}\n` : '\n'));
    if (outcome.exitCode !== 0) io.stderr(`tslint-docker verify: ${outcome.message}\n`);
    return outcome.exitCode;
  } catch (error) {
    const outcome = verifyErrorOutcome(error);
    if (!outcome) throw error;
    io.stderr(`tslint-docker verify: ${outcome.message}\n`);
    return outcome.exitCode;
  }
}
