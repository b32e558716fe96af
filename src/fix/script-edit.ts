/**
 * Edits inside a RUN's script, by the shell parser's ranges (never by searching the text):
 * adding a command chained with `&&` after the script's last command, so the RUN still fails
 * exactly when it failed before (the added command only runs, and only decides the exit
 * status, when everything before it succeeded); removing a command that is a whole pipeline
 * of the script's top-level list, with the operator that joined it.
 */
import type { TextEdit } from '../linter/types.ts';
import type { RunInfo } from '../model/run.ts';
import type { ShellCommand } from '../model/shell/index.ts';

// what may follow the last command up to the end of its script: blanks, line continuations,
// comments and one `;` (a compound's `fi` / `done` / `)` or a trailing `&` may not)
const TRAILER = /^(?:[ \t\r\n]|\\\r?\n|#[^\n]*)*;?(?:[ \t\r\n]|\\\r?\n|#[^\n]*)*$/;

/** An edit that runs `command` after the RUN's last command (`... && command`), or undefined when unsure. */
export function appendCommand(run: RunInfo, source: string, command: string): TextEdit | undefined {
  if (!run.editable) return undefined;
  const script = run.scripts[run.scripts.length - 1];
  if (!script || script.errors.length > 0) return undefined;
  let last = script.commands[0];
  for (const c of script.commands) if (last === undefined || c.end > last.end) last = c;
  if (!last || last.inSubshell || !last.name) return undefined;
  const end = scriptEnd(run, run.scripts.length - 1);
  if (end === undefined || end < last.end || !TRAILER.test(source.slice(last.end, end))) return undefined;
  return { start: last.end, end: last.end, text: ` && ${command}` };
}

/** the source offset where script `index` ends: the command line's end, or its heredoc body's */
function scriptEnd(run: RunInfo, index: number): number | undefined {
  const command = run.ins.command;
  const heredocScripts = run.scripts.length - (command?.kind === 'shell' ? 1 : 0);
  if (index === 0 && command?.kind === 'shell') return command.span.end;
  // heredoc scripts follow the command line, in the order of their heredocs (data heredocs skipped)
  const scriptHeredocs = run.ins.heredocs.filter((h) => !run.dataHeredocs.includes(h));
  if (scriptHeredocs.length !== heredocScripts) return undefined;
  return scriptHeredocs[index - (command?.kind === 'shell' ? 1 : 0)]?.contentSpan.end;
}

/** operators a removed pipeline may be joined by: the rest of the list runs as it did */
const SEQUENCE = new Set(['&&', ';', '\n']);

/**
 * The edit removing `command` from its script when it is one whole top-level pipeline that
 * always succeeds for the rest of the list (`a && rm x && b` -> `a && b`, `rm x; b` -> `b`),
 * `'whole-script'` when it is the script's only pipeline, or undefined (`a || rm x`, `rm x &`,
 * `a; rm x` (its exit status is rm's), a command inside `if`, a pipe, a subshell ...). An
 * `if ... fi` before it is kept whole.
 */
export function removeCommandEdit(run: RunInfo, command: ShellCommand): TextEdit | 'whole-script' | undefined {
  if (!run.editable) return undefined;
  const script = run.scripts.find((s) => s.commands.includes(command));
  if (!script || script.errors.length > 0) return undefined;
  const list = script.pipelines;
  const i = list.findIndex((p) => p.start === command.start && p.end === command.end);
  if (i < 0) return undefined;
  if (list.length === 1) return 'whole-script';
  const here = list[i]!;
  const next = list[i + 1];
  if ((i > 0 && !SEQUENCE.has(here.joinedBy!)) || (next && !SEQUENCE.has(next.joinedBy!))) return undefined;
  // `a; rm x && b`: b ran when rm did (always), so it keeps its own operator only if that
  // is `;`; otherwise the operator before `rm x` joins what is left: cut `rm x && `
  if (next && (i === 0 || next.joinedBy === '&&')) return { start: here.start, end: next.start, text: '' };
  if (next) return { start: list[i - 1]!.end, end: here.end, text: '' };
  // last: `a && rm x` -> `a`; but `a; rm x` exits 0 when a fails, and `a` alone would not
  return here.joinedBy === '&&' ? { start: list[i - 1]!.end, end: here.end, text: '' } : undefined;
}
