/**
 * `COPY x /tmp/x`, RUNs that use `/tmp/x`, then `rm /tmp/x`: the bytes of x stay in the COPY's
 * layer. Rewritten, the COPY goes, every RUN from it to the removal gets
 * `--mount=type=bind,source=x,target=/tmp/x,rw` (the file where the COPY put it, writable, its
 * writes dropped with the RUN), and the `rm` goes (a mount point cannot be removed: EBUSY).
 *
 * RUN --mount is in BuildKit's built-in Dockerfile frontend since Dockerfile 1.2 (Docker 20.10,
 * and Buildah/Podman): a file without `# syntax=` builds as it is, and adding the directive
 * would make every build pull docker/dockerfile from Docker Hub. A file whose directive names
 * an older frontend (1.0, 1.1) or another one gets no fix. The legacy builder has no mounts:
 * the fix's doc says so.
 */
import type { CopyInstruction, Dockerfile, Instruction } from '../parser/ast.ts';
import type { TextEdit } from '../linter/types.ts';
import type { DockerfileModel } from '../model/model.ts';
import type { RunInfo } from '../model/run.ts';
import { absolutePath } from '../model/created-files.ts';
import { commandName, hasFlag, positionalArgs, type RemovedPath, type ShellCommand } from '../model/shell/index.ts';
import { removeCommandEdit } from './script-edit.ts';

/** instructions that may stand between the COPY and the removal: they neither see nor touch files */
const TRANSPARENT = new Set(['ARG', 'ENV', 'LABEL']);
/** commands that delete, rename or replace a file: on a mount point they fail */
const REPLACES = new Set(['mv', 'rm', 'unlink', 'ln', 'truncate', 'shred', 'gzip', 'gunzip', 'bzip2', 'bunzip2', 'xz', 'unxz', 'zstd', 'unzstd']);
/** commands that change a file's metadata: on a mount, the change dies with its RUN */
const RETOUCHES = new Set(['chmod', 'chown', 'chgrp', 'touch', 'setfacl']);
const WRITE_REDIRECTS = new Set(['>', '>>', '>|', '&>', '&>>', '<>']);

/** `# syntax=` absent, or a docker/dockerfile frontend with RUN --mount (1, 1.2+, labs, experimental) */
function frontendHasMounts(df: Dockerfile): boolean {
  const syntax = df.directives.find((d) => d.name === 'syntax');
  if (!syntax) return true;
  const m = /^(?:(?:docker\.io\/)?docker\/dockerfile(?:-upstream)?)(?::([^@\s]+))?(?:@\S+)?$/.exec(syntax.value.trim());
  if (!m) return false;
  const tag = m[1] ?? 'latest';
  return !/^1\.[01](?:\.\d+)?$/.test(tag);
}

/** what `cmd` does to `path` (or a file under it) that a mount would change */
function breaksOnMount(cmd: ShellCommand, path: string, rm: ShellCommand): 'replaces' | 'retouches' | undefined {
  const names = (w: { value?: string }) => w.value === path || (w.value?.startsWith(`${path}/`) ?? false);
  if (cmd.redirects.some((r) => WRITE_REDIRECTS.has(r.op) && r.target && names(r.target))) return 'replaces';
  if (cmd === rm || !cmd.args.some(names)) return undefined;
  const program = commandName(cmd) ?? '';
  if (REPLACES.has(program) || ((program === 'sed' || program === 'perl') && hasFlag(cmd, 'i', 'in-place'))) return 'replaces';
  return RETOUCHES.has(program) ? 'retouches' : undefined;
}

/**
 * The edits, or undefined when the rewrite is not certainly right: a COPY with flags, several
 * sources, a glob or a variable; an instruction between other than RUN, ARG, ENV or LABEL; a
 * RUN between when the context does not show that x is a file (a folder's build output would
 * die with each RUN); a command that moves, replaces or (before the last RUN) re-modes the file;
 * an `rm` that is not a whole step of its script; a mount already there.
 */
export function copyToBindMount(model: DockerfileModel, copy: CopyInstruction, removal: RunInfo, rm: RemovedPath, target: string): TextEdit[] | undefined {
  const df = model.df;
  if (copy.keyword !== 'COPY' || copy.flags.length > 0 || copy.sources.length !== 1 || copy.parent || removal.ins.parent) return undefined;
  if (model.info(copy).stage?.windows || !frontendHasMounts(df)) return undefined;
  const from = copy.sources[0]!.value;
  if (/[\s,="'$*?[\\]/.test(from) || absolutePath(rm.path.value) !== target) return undefined;
  const first = df.instructions.indexOf(copy);
  const last = df.instructions.indexOf(removal.ins);
  if (first < 0 || last <= first) return undefined;
  const between = df.instructions.slice(first + 1, last);
  const runs: RunInfo[] = [];
  for (const ins of between) {
    if (TRANSPARENT.has(ins.keyword)) continue;
    const run = ins.keyword === 'RUN' ? model.run(ins) : undefined;
    if (!run) return undefined;
    runs.push(run);
  }
  // a folder's contents written by one RUN would be gone in the next: several RUNs need a file
  const context = model.context;
  if (runs.length > 0 && !(context?.exists(from) && !context.exists(`${from}/`))) return undefined;

  // the rm goes: its operand, or the whole step, or the whole RUN when it is all the RUN does
  const operands = positionalArgs(rm.command);
  let removalEdit: TextEdit | 'whole-script' | undefined;
  if (operands.length > 1) {
    const args = [rm.command.name!, ...rm.command.args];
    const k = args.indexOf(rm.path);
    removalEdit = k > 0 ? { start: args[k - 1]!.end, end: rm.path.end, text: '' } : undefined;
  } else removalEdit = removeCommandEdit(removal, rm.command);
  if (removalEdit === undefined) return undefined;
  const dropRemoval = removalEdit === 'whole-script';
  if (dropRemoval && (removal.scripts.length !== 1 || removal.ins.heredocs.length > 0)) return undefined;
  if (!dropRemoval) runs.push(removal);

  for (const [k, run] of runs.entries()) {
    if (run.mounts.some((m) => m.target !== undefined && (m.target === target || target.startsWith(`${m.target.replace(/\/+$/, '')}/`) || m.target.startsWith(`${target}/`)))) return undefined;
    for (const cmd of run.commands) {
      const found = breaksOnMount(cmd, target, rm.command);
      if (found === 'replaces' || (found === 'retouches' && k < runs.length - 1)) return undefined;
    }
  }

  const mount = ` --mount=type=bind,source=${from},target=${target},rw`;
  const edits: TextEdit[] = [removeLines(df, copy)];
  for (const run of runs) edits.push({ start: run.ins.keywordWord.end, end: run.ins.keywordWord.end, text: mount });
  edits.push(dropRemoval ? removeLines(df, removal.ins) : removalEdit as TextEdit);
  return edits;
}

/** an instruction's lines, from the start of its first line to its end (line terminator included) */
function removeLines(df: Dockerfile, ins: Instruction): TextEdit {
  const line = df.lines.position(ins.start).line;
  return { start: df.lines.offsetAt(line, 1), end: ins.fullEnd, text: '' };
}
