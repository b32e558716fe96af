/**
 * BuildKit-compatible word expansion for Dockerfile instruction arguments:
 * variable expansion, word splitting and reference finding.
 */
export { expandWord, expandWords, ExpansionError } from './expand.ts';
export type { Env, EscapeChar, ExpandResult, WordsResult } from './expand.ts';
export { findVariableReferences } from './references.ts';
export type { ExpansionOperator, VariableReference } from './references.ts';
