/**
 * The fix-safety cases (cases/<name>/: a Dockerfile, its build context, case.json) and the
 * fixed Dockerfiles made from them by the real fixer, as `--fix` and `--fix --unsafe-fixes` do.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ImageConfigKey } from '../../src/engine/image-config.ts';
import type { EngineName } from '../../src/engine/types.ts';
import { fixText, type FixOutcome } from '../../src/fix/apply.ts';
import { getLinter } from '../../src/linter/index.ts';
import type { Finding, PresetName } from '../../src/linter/types.ts';
import { configFor, lintOptionsFrom } from '../../src/linter/service.ts';
import { buildModel } from '../../src/model/index.ts';
import { shellcheckBinary } from '../../src/model/shellcheck.ts';
import { parseDockerfile } from '../../src/parser/index.ts';

export const CASES_DIR = fileURLToPath(new URL('./cases/', import.meta.url));

/** A command run in both images; its exit code and stdout must be the same. */
export interface CaseCommand {
  /** `sh -c` this script (the image's ENTRYPOINT replaced) */
  sh?: string;
  /** `docker run IMAGE ...args` with the image's own ENTRYPOINT; [] runs its CMD */
  args?: string[];
}

/** case.json */
export interface CaseSpec {
  /** what the case proves: the class and why the fix could break it */
  about: string;
  /** the rules that run (every other rule is off), so each case tests the fixes it is about */
  rules: string[];
  /** the preset whose semantics they follow (default recommended): some fixes exist only in hadolint's or BuildKit's */
  preset?: PresetName;
  /** ids of the rules whose fixes `--fix` (safe) and `--fix --unsafe-fixes` (unsafe) apply, sorted; not checked when omitted */
  fixes?: { safe?: string[]; unsafe?: string[] };
  /** not built, only fixed: why (a Windows image cannot run on this engine, ...) */
  lintOnly?: string;
  /** builds only where the engine's Dockerfile frontend runs heredocs */
  heredocs?: boolean;
  /** builds need Debian's package mirror */
  aptMirror?: boolean;
  /** engines that build it (default: docker) */
  engines?: EngineName[];
  /** paths whose type, bytes, mode and owner must be the same in both images; a directory counts with its tree */
  files?: string[];
  /** what the fix's rule doc says it may change: packages it may remove or add, configuration keys */
  mayRemovePackages?: string[];
  mayAddPackages?: string[];
  mayChangeConfig?: ImageConfigKey[];
  commands?: CaseCommand[];
  /** the rule doc says the unsafe fix changes what the image does here (the doc's reason): only its build is checked */
  unsafeMayChange?: string;
  /** the rule doc says the unsafe fix may even break the build here: the doc's reason */
  unsafeMayBreakBuild?: string;
}

export interface FixSafetyCase {
  name: string;
  dir: string;
  spec: CaseSpec;
  dockerfile: string;
  /** the base images the build pulls from the local store */
  images: string[];
  /** why the case cannot run here at all (a tool the lint needs is missing) */
  unavailable?: string;
}

export type Variant = 'safe' | 'unsafe';

function baseImages(text: string): string[] {
  const model = buildModel(parseDockerfile(text));
  const refs = model.stages.filter((stage) => !stage.baseStage && !stage.image.isScratch).map((stage) => stage.image.text);
  return [...new Set(refs)].sort();
}

export function loadCases(): FixSafetyCase[] {
  return readdirSync(CASES_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => {
      const dir = join(CASES_DIR, entry.name);
      const spec = JSON.parse(readFileSync(join(dir, 'case.json'), 'utf8')) as CaseSpec;
      const dockerfile = readFileSync(join(dir, 'Dockerfile'), 'utf8');
      const unavailable = spec.rules.includes('shellcheck') && !shellcheckBinary() ? 'the shellcheck rule needs the shellcheck binary, which is not on PATH' : undefined;
      return { name: entry.name, dir, spec, dockerfile, images: baseImages(dockerfile), ...(unavailable ? { unavailable } : {}) };
    })
    .sort((a, b) => (a.name < b.name ? -1 : 1));
}

/**
 * The case's Dockerfile linted the way the CLI lints a file (src/cli/lint-file.ts): the
 * configuration resolved for its path (no config file; only the case's rules on) and its folder
 * as the build context. `fixCase` fixes it with fixText over these findings, as `--fix` does.
 */
export async function caseLinter(c: FixSafetyCase): Promise<(text: string) => Finding[]> {
  const path = join(c.dir, 'Dockerfile');
  const cliRules = Object.fromEntries(getLinter().metas.map((meta) => [meta.id, c.spec.rules.includes(meta.id) ? meta.severity : ('off' as const)]));
  const config = await configFor({ filePath: path, noConfig: true, cliRules, ...(c.spec.preset ? { preset: c.spec.preset } : {}) });
  const options = lintOptionsFrom(config, path);
  const linter = getLinter();
  return (text) => linter.lint(text, options).findings;
}

export async function fixCase(c: FixSafetyCase, variant: Variant): Promise<FixOutcome> {
  return fixText(c.dockerfile, await caseLinter(c), { unsafe: variant === 'unsafe' });
}

/** The first sentence of the case's `about`, for test names. */
export function headline(c: FixSafetyCase): string {
  return c.spec.about.split(/\.(?:\s|$)/)[0]!;
}

export function appliedRules(outcome: FixOutcome): string[] {
  return outcome.applied.map((fix) => fix.ruleId).sort();
}
