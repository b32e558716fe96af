/**
 * Wasted bytes per line, dive's efficiency tied to the Dockerfile: the bytes a layer writes
 * that a later layer deletes (a whiteout, an opaque directory) or writes again. They are
 * pulled and stored with the image, yet no container sees them.
 */
import type { ArchiveHistoryEntry } from '../engine/archive.ts';
import type { Finding } from '../linter/types.ts';
import { stackLayers, type LayerChanges, type LayerEntry } from '../engine/image-files.ts';
import { historyInstructions } from './align.ts';
import type { DockerfileInstruction } from './instructions.ts';
import { folderOf } from './inside.ts';
import type { WasteExplanation, WasteReport, WasteRow } from './types.ts';

/** A lint finding in the Dockerfile, as verify needs it to explain waste. */
export interface WasteFinding {
  ruleId: string;
  /** 1-based line of the finding's start */
  line: number;
  message: string;
  fix?: { description: string; safety: 'safe' | 'unsafe' };
}

/**
 * The rules whose finding says why bytes were wasted, and which line of the pair it sits on:
 * a cleanup in a separate layer is reported where it removes; a cache left in the layer, or
 * an archive copied to be extracted, where it is written.
 */
const EXPLAINS_AT: Readonly<Record<string, 'removed' | 'written'>> = {
  'cleanup-in-separate-layer': 'removed',
  'apt-lists-not-removed': 'written',
  'apk-no-cache': 'written',
  'dnf-clean-missing': 'written',
  'yum-clean-missing': 'written',
  'zypper-clean-missing': 'written',
  'pip-no-cache-dir': 'written',
  'yarn-cache-not-cleaned': 'written',
  'copied-archive-extracted': 'written',
};

export const WASTE_RULES: readonly string[] = Object.keys(EXPLAINS_AT);

/** The linter's findings as verify keeps them: those of the waste rules, with their fixes' descriptions. */
export function wasteFindingsOf(findings: readonly Finding[]): WasteFinding[] {
  return findings
    .filter((f) => EXPLAINS_AT[f.ruleId] !== undefined)
    .map((f) => ({ ruleId: f.ruleId, line: f.range.start.line, message: f.message, ...(f.fix ? { fix: { description: f.fix.description, safety: f.fix.safety } } : {}) }));
}

const FOLDERS_KEPT = 3;

const within = (line: number, instruction: DockerfileInstruction): boolean => line >= instruction.line && line <= instruction.endLine;

/**
 * The waste of an image from its layers (bottom first) and its config's history, whose
 * non-empty entries pair with the layers in order; rows by the pair of lines that wrote and
 * hid the bytes, the largest first; `findings` are the lint findings of the built file.
 */
export function measureWaste(
  layers: readonly LayerChanges<LayerEntry>[],
  history: readonly ArchiveHistoryEntry[],
  chain: readonly DockerfileInstruction[],
  findings: readonly WasteFinding[],
): WasteReport {
  const madeBy = historyInstructions(chain, history);
  const layerInstruction = madeBy.filter((_, i) => !history[i]!.emptyLayer);
  // an archive whose history does not pair with its layers (hand-made, squashed) is reported on the FROM line
  const instructionOf = (layer: number): DockerfileInstruction | undefined => (layerInstruction.length === layers.length ? layerInstruction[layer] : chain[0]);
  let totalBytes = 0;
  for (const layer of layers) for (const entry of layer.files) if (entry.type === 'file') totalBytes += entry.size;

  const rows = new Map<string, WasteRow & { folderBytes: Map<string, number> }>();
  stackLayers(layers, {
    onHidden: (entry, writtenBy, hiddenBy, how) => {
      if (entry.type !== 'file' || entry.size === 0) return;
      const written = instructionOf(writtenBy);
      const removed = instructionOf(hiddenBy);
      const key = `${written?.line ?? 0}:${removed?.line ?? 0}`;
      let row = rows.get(key);
      if (!row) {
        row = {
          writtenLine: written?.line ?? 0, writtenInstruction: written?.text ?? '', removedLine: removed?.line ?? 0, removedInstruction: removed?.text ?? '',
          files: 0, sizeBytes: 0, deletedBytes: 0, overwrittenBytes: 0, folders: [], explainedBy: [], folderBytes: new Map(),
        };
        // cleanup-in-separate-layer speaks of what the stage's own instructions added, not of the base image's files
        row.explainedBy = explain(findings, written, written === chain[0] ? undefined : removed);
        rows.set(key, row);
      }
      row.files++;
      row.sizeBytes += entry.size;
      if (how === 'deleted') row.deletedBytes += entry.size;
      else row.overwrittenBytes += entry.size;
      const folder = folderOf(entry.path, false);
      row.folderBytes.set(folder, (row.folderBytes.get(folder) ?? 0) + entry.size);
    },
  });
  const result = [...rows.values()]
    .map(({ folderBytes, ...row }) => ({
      ...row,
      folders: [...folderBytes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, FOLDERS_KEPT).map(([folder, sizeBytes]) => ({ folder, sizeBytes })),
    }))
    .sort((a, b) => b.sizeBytes - a.sizeBytes || a.writtenLine - b.writtenLine || a.removedLine - b.removedLine);
  const wastedBytes = result.reduce((sum, row) => sum + row.sizeBytes, 0);
  return { totalBytes, wastedBytes, efficiency: totalBytes === 0 ? 1 : 1 - wastedBytes / totalBytes, rows: result };
}

function explain(findings: readonly WasteFinding[], written: DockerfileInstruction | undefined, removed: DockerfileInstruction | undefined): WasteExplanation[] {
  const explanations: WasteExplanation[] = [];
  for (const finding of findings) {
    const at = EXPLAINS_AT[finding.ruleId] === 'removed' ? removed : EXPLAINS_AT[finding.ruleId] === 'written' ? written : undefined;
    if (!at || !within(finding.line, at)) continue;
    explanations.push({ ruleId: finding.ruleId, line: finding.line, message: finding.message, ...(finding.fix ? { fix: finding.fix } : {}) });
  }
  return explanations;
}
