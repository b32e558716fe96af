/** The rule registry: every rule, once. The CLI, SARIF, docs and config validation all read it. */
import type { Rule } from '../src/linter/rule.ts';
import aptNoInstallRecommends from './apt-no-install-recommends.ts';
import baseImageLatest from './base-image-latest.ts';

export const allRules: readonly Rule[] = [aptNoInstallRecommends, baseImageLatest];
