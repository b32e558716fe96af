import type { FileResult } from '../linter/types.ts';
import { isReported } from './common.ts';
import type { Reporter, ReporterContext } from './types.ts';

export type { Reporter, ReporterContext } from './types.ts';

// each format is its own module, imported only when asked for, so the CLI's start-up stays small
const reporterModules = {
  stylish: () => import('./stylish.ts'),
  compact: () => import('./compact.ts'),
  json: () => import('./json.ts'),
  sarif: () => import('./sarif.ts'),
  github: () => import('./github.ts'),
  gitlab: () => import('./gitlab.ts'),
  checkstyle: () => import('./checkstyle.ts'),
  junit: () => import('./junit.ts'),
  // `docker buildx build --call=check,format=json`'s result (not `parse --format buildkit`, BuildKit's parse tree)
  'buildx-check': () => import('./buildx-check.ts'),
  // hadolint 2.15's formats that have no namesake here, in its shape (src/report/hadolint/)
  tty: () => import('./hadolint/tty.ts'),
  gnu: () => import('./hadolint/gnu.ts'),
  codeclimate: async () => ({ default: (await import('./hadolint/codeclimate.ts')).codeclimate }),
  gitlab_codeclimate: async () => ({ default: (await import('./hadolint/codeclimate.ts')).gitlabCodeclimate }),
  codacy: () => import('./hadolint/codacy.ts'),
  sonarqube: () => import('./hadolint/sonarqube.ts'),
} satisfies Record<string, () => Promise<{ default: Reporter }>>;

/**
 * hadolint's shape of the formats both tools name alike: what `--format NAME` writes in the
 * hadolint preset, so a job that reads hadolint's report keeps working; ours everywhere else.
 */
const hadolintShapes = {
  json: () => import('./hadolint/json.ts'),
  sarif: () => import('./hadolint/sarif.ts'),
  checkstyle: () => import('./hadolint/checkstyle.ts'),
  junit: () => import('./hadolint/junit.ts'),
} satisfies Partial<Record<ReporterName, () => Promise<{ default: Reporter }>>>;

export type ReporterName = keyof typeof reporterModules;

export const REPORTER_NAMES = Object.keys(reporterModules) as ReporterName[];

/** every format hadolint 2.15 writes (its --format values and HADOLINT_FORMAT's) */
export const HADOLINT_FORMATS: readonly ReporterName[] = ['tty', 'json', 'checkstyle', 'codeclimate', 'gitlab_codeclimate', 'gnu', 'codacy', 'sonarqube', 'sarif', 'junit'];

export const DEFAULT_REPORTER: ReporterName = 'stylish';

export function isReporterName(name: string): name is ReporterName {
  return Object.hasOwn(reporterModules, name);
}

/** formats whose report of no findings is empty (test/report/text-formats.test.ts holds it) */
export const EMPTY_WHEN_CLEAN: ReadonlySet<ReporterName> = new Set(['stylish', 'compact', 'github', 'tty', 'gnu', 'codeclimate', 'codacy']);

const emptyReport: Reporter = () => [];

/**
 * Loads the reporter for `name` (hadolint's shape of it with `hadolint`, where there is one);
 * rejects with the list of known formats for any other name. Given the `results` it will
 * report, a format that would print nothing for them is not loaded (a clean run in the default
 * format loads neither it nor chalk and its colour detection; `npm run bench -- cli-cold` times
 * such a run).
 */
export async function getReporter(name: string, { hadolint = false, results }: { hadolint?: boolean; results?: readonly FileResult[] } = {}): Promise<Reporter> {
  if (!isReporterName(name)) {
    throw new Error(`Unknown format "${name}". Known formats: ${REPORTER_NAMES.join(', ')}.`);
  }
  if (results && EMPTY_WHEN_CLEAN.has(name) && !results.some((r) => r.findings.some(isReported))) return emptyReport;
  const load = hadolint && Object.hasOwn(hadolintShapes, name) ? hadolintShapes[name as keyof typeof hadolintShapes] : reporterModules[name];
  return (await load()).default;
}

/** The whole report as one string (tests, small outputs). */
export function renderReport(reporter: Reporter, results: readonly FileResult[], context: ReporterContext): string {
  return [...reporter(results, context)].join('');
}
