/**
 * Copies of the whole build context: `COPY . .`, `ADD . /app`, `COPY ./ /src/`, `COPY * ./`,
 * and `RUN --mount=type=bind` of the context root. Every file of the context then feeds
 * the step's cache key and the image.
 */
import type { CopyInstruction, Instruction } from '../parser/ast.ts';
import { mountsOf } from './run.ts';

const CONTEXT_ROOT = new Set(['.', './', '*', './*', '/', '/.']);

/** the COPY/ADD source words naming the context root (none for `COPY --from`, `ADD <url>`) */
export function wholeContextSources(ins: CopyInstruction): CopyInstruction['sources'] {
  if (ins.flags.some((f) => f.name === 'from')) return [];
  return ins.sources.filter((s) => CONTEXT_ROOT.has(s.value));
}

/** Whether the instruction copies or bind-mounts the whole build context. */
export function usesWholeContext(ins: Instruction): boolean {
  if (ins.keyword === 'COPY' || ins.keyword === 'ADD') return wholeContextSources(ins as CopyInstruction).length > 0;
  if (ins.keyword !== 'RUN') return false;
  return mountsOf(ins).some((m) => m.type.toLowerCase() === 'bind' && m.from === undefined && (m.source === undefined || CONTEXT_ROOT.has(m.source)));
}
