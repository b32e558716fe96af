/**
 * The value of a shell word that names a package, with the Dockerfile's ARG and ENV values
 * substituted (`git-core-${version}` with `ARG version=2.51`), as package-pinning rules need it.
 */
import type { InstructionInfo } from './model.ts';
import type { RunInfo } from './run.ts';
import { findVariableReferences } from '../parser/expansion/references.ts';
import type { ShellWord } from './shell/types.ts';

/**
 * The word's value with ARG/ENV values substituted; a variable the Dockerfile does not define
 * expands to nothing, as in the build. Undefined when it cannot be known: command substitution,
 * an ARG without a value, or a variable the script itself sets (`V=1 && yum install foo-$V`).
 */
export function resolveWord(word: ShellWord, info: InstructionInfo, run: RunInfo): string | undefined {
  if (word.value !== undefined) return word.value;
  if (word.text.includes('`') || word.text.includes('$(')) return undefined;
  const refs = findVariableReferences(word.text);
  if (refs.length === 0) return undefined;
  // positional and special parameters ($1, $@, $$) have no build-time value
  for (const ref of refs) if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(ref.name) || setByScript(run, ref.name)) return undefined;
  return info.scope.expand(word.text).value;
}

/** the script assigns, exports, reads or loops over `name` */
function setByScript(run: RunInfo, name: string): boolean {
  const assigned = new RegExp(`(^|[^A-Za-z0-9_])${name}=|\\b(for|read|local|declare|typeset|export|readonly)\\b[^;&|\\n]*\\b${name}\\b`);
  return run.scripts.some((s) => assigned.test(s.source));
}
