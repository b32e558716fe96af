/**
 * Cases that fail today because the fix they exercise is wrong. Each runs as `it.fails`: it
 * passes while the case fails, and fails (so the entry must go) once the fix is right.
 * `check` is the lint-level check (which fixes are offered) or the build proof of a variant.
 */
import type { EngineName } from '../../src/engine/types.ts';
import type { Variant } from './cases.ts';

export interface KnownBroken {
  case: string;
  check: 'lint' | Variant;
  /** only on this engine (default: every engine that builds the case) */
  engine?: EngineName;
  rule: string;
  reason: string;
}

export const KNOWN_BROKEN: readonly KnownBroken[] = [
  { case: 'echo-escapes-dash', check: 'lint', rule: 'pipefail-missing', reason: 'offers the SHELL bash fix on Debian, whose sh (dash) has no pipefail' },
  { case: 'echo-escapes-dash', check: 'unsafe', rule: 'pipefail-missing', reason: 'SHELL ["/bin/bash", ...] makes echo write a literal \\t: /etc/app.conf and /later-echo change' },
  { case: 'missing-user-gosu', check: 'unsafe', rule: 'missing-user', reason: 'switches to USER app, so the gosu entrypoint cannot drop to nobody and exits 1' },
  { case: 'missing-user-setpriv', check: 'unsafe', rule: 'missing-user', reason: 'switches to USER app, so the setpriv entrypoint cannot drop to nobody and exits 127' },
];

export function isKnownBroken(caseName: string, check: KnownBroken['check'], engine?: EngineName): boolean {
  return KNOWN_BROKEN.some((entry) => entry.case === caseName && entry.check === check && (entry.engine === undefined || entry.engine === engine));
}
