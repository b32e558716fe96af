/**
 * Where a fix may add a command to a RUN: chained with `&&` after the script's last command,
 * so the RUN still fails exactly when it failed before (the added command only runs, and only
 * decides the exit status, when everything before it succeeded).
 */
import type { TextEdit } from '../linter/types.ts';
import type { RunInfo } from '../model/run.ts';

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
