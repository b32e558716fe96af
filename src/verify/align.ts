import { instructionOfHistory } from '../engine/history.ts';
import type { HistoryEntry } from '../engine/types.ts';
import type { DockerfileInstruction } from './instructions.ts';

export interface LayerRow {
  line: number;
  instruction: string;
  sizeBytes: number;
}

/**
 * The instruction that made each history entry (oldest first). The image's last entries are
 * the built chain's instructions, so both lists are walked from the end and paired while
 * their instruction kinds agree; an instruction an engine left out of history (ARG, for
 * some) pairs with nothing. Whatever precedes the first paired entry is the base image: the
 * FROM (undefined when the chain is empty).
 */
export function historyInstructions(chain: readonly DockerfileInstruction[], history: readonly Pick<HistoryEntry, 'createdBy'>[]): (DockerfileInstruction | undefined)[] {
  const [from, ...instructions] = chain;
  const madeBy: (DockerfileInstruction | undefined)[] = history.map(() => from);
  let entry = history.length - 1;
  for (let i = instructions.length - 1; i >= 0 && entry >= 0; i--) {
    if (instructionOfHistory(history[entry]!.createdBy) === instructions[i]!.keyword) madeBy[entry--] = instructions[i];
  }
  return madeBy;
}

/** Pairs image history with the Dockerfile lines that made it: every instruction of the chain with its bytes, the base image's on the FROM line. */
export function alignLayers(chain: readonly DockerfileInstruction[], history: readonly HistoryEntry[]): LayerRow[] {
  const madeBy = historyInstructions(chain, history);
  const bytes = new Map<DockerfileInstruction | undefined, number>();
  history.forEach((entry, i) => bytes.set(madeBy[i], (bytes.get(madeBy[i]) ?? 0) + entry.sizeBytes));
  return chain.map((instruction) => ({ line: instruction.line, instruction: instruction.text, sizeBytes: bytes.get(instruction) ?? 0 }));
}
