/**
 * hadolint's Code Climate issues (docs.codeclimate.com/docs/spec), in its two forms:
 * `codeclimate`, each issue followed by a NUL byte as a Code Climate engine writes them, and
 * `gitlab_codeclimate`, one JSON array for GitLab's Code Quality with a fingerprint per issue:
 * the SHA-1 of the issue's JSON, as hadolint computes it, so GitLab matches the issues of a
 * hadolint report with ours. Keys sorted, as hadolint's encoder writes them.
 */
import type { Severity } from '../../linter/types.ts';
import { hexDigest } from '../common.ts';
import type { Reporter } from '../types.ts';
import { hadolintFile, jsonItems, type HadolintFile } from './common.ts';

const SEVERITY: Record<Severity, string> = { error: 'blocker', warning: 'major', info: 'info', style: 'minor' };

function issues({ file, errors, checks }: HadolintFile) {
  return [
    ...errors.map((e) => {
      const position = { column: e.column, line: e.line };
      return issue('DL1000', e.message, { path: file, positions: { begin: position, end: position } }, 'blocker');
    }),
    ...checks.map((c) => issue(c.code, c.message, { lines: { begin: c.line, end: c.line }, path: file }, SEVERITY[c.level])),
  ];
}

function issue(checkName: string, description: string, location: object, severity: string) {
  return { categories: ['Bug Risk'], check_name: checkName, description, location, severity, type: 'issue' };
}

export const codeclimate: Reporter = function* (results) {
  for (const result of results) {
    const out = issues(hadolintFile(result)).map((i) => `${JSON.stringify(i)}\0`);
    if (out.length > 0) yield out.join('');
  }
};

export const gitlabCodeclimate: Reporter = function* (results) {
  yield '[';
  yield* jsonItems(results, (file) =>
    issues(file).map((i) => {
      const { categories, check_name, description, location, severity, type } = i;
      return { categories, check_name, description, fingerprint: hexDigest('sha1', JSON.stringify(i)), location, severity, type };
    }),
  );
  yield ']\n';
};
