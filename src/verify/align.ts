import { instructionOfHistory } from '../engine/history.ts';
import type { HistoryEntry } from '../engine/types.ts';
import type { DockerfileInstruction } from './instructions.ts';

export interface LayerRow {
  line: number;
  instruction: string;
  sizeBytes: number;
}

/**
 * Pairs image history with the Dockerfile lines that made it. The image's last entries are
 * the built chain's instructions, so both lists are walked from the end and paired while
 * their instruction kinds agree; an instruction an engine left out of history (ARG, for
 * some) gets 0 bytes. Whatever precedes the first paired entry is the base image, reported
 * on the FROM line.
 */
export function alignLayers(chain: readonly DockerfileInstruction[], history: readonly HistoryEntry[]): LayerRow[] {
  const [from, ...instructions] = chain;
  const rows: LayerRow[] = [];
  let entry = history.length - 1;
  for (let i = instructions.length - 1; i >= 0; i--) {
    const instruction = instructions[i]!;
    const recorded = entry >= 0 && instructionOfHistory(history[entry]!.createdBy) === instruction.keyword;
    rows.push({ line: instruction.line, instruction: instruction.text, sizeBytes: recorded ? history[entry--]!.sizeBytes : 0 });
  }
  let baseBytes = 0;
  for (let i = 0; i <= entry; i++) baseBytes += history[i]!.sizeBytes;
  if (from) rows.push({ line: from.line, instruction: from.text, sizeBytes: baseBytes });
  return rows.reverse();
}
