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
  // none today: a case found failing goes here, with what the build showed, until its fix is right
];

export function isKnownBroken(caseName: string, check: KnownBroken['check'], engine?: EngineName): boolean {
  return KNOWN_BROKEN.some((entry) => entry.case === caseName && entry.check === check && (entry.engine === undefined || entry.engine === engine));
}
