/** COPY / ADD paths as BuildKit reads them: quotes removed, ARG and ENV values substituted. */
import type { CopyInstruction, Word } from '../parser/ast.ts';
import type { Scope } from './scope.ts';

/**
 * The path a COPY / ADD word stands for, or undefined when it depends on a variable without a
 * known value (an ARG with no default, or a name the Dockerfile does not define).
 */
export function copyPath(word: Word, ins: CopyInstruction, scope: Scope): string | undefined {
  const expansion = scope.expand(ins.form === 'exec' ? word.value : word.raw);
  return expansion.undefinedRefs.length > 0 ? undefined : expansion.value;
}

/** `/usr/bin`, and Windows' `c:\dir`, `c:/dir`, `\dir` */
export function isAbsolutePath(path: string): boolean {
  return path.startsWith('/') || path.startsWith('\\') || /^[A-Za-z]:[\\/]/.test(path);
}
