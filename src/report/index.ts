import type { FileResult } from '../linter/types.ts';
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
} satisfies Record<string, () => Promise<{ default: Reporter }>>;

export type ReporterName = keyof typeof reporterModules;

export const REPORTER_NAMES = Object.keys(reporterModules) as ReporterName[];

export const DEFAULT_REPORTER: ReporterName = 'stylish';

export function isReporterName(name: string): name is ReporterName {
  return Object.hasOwn(reporterModules, name);
}

/** Loads the reporter for `name`; rejects with the list of known formats for any other name. */
export async function getReporter(name: string): Promise<Reporter> {
  if (!isReporterName(name)) {
    throw new Error(`Unknown format "${name}". Known formats: ${REPORTER_NAMES.join(', ')}.`);
  }
  return (await reporterModules[name]()).default;
}

/** The whole report as one string (tests, small outputs). */
export function renderReport(reporter: Reporter, results: readonly FileResult[], context: ReporterContext): string {
  return [...reporter(results, context)].join('');
}
