import { fix, replace } from '../src/fix/edits.ts';
import { defineRule } from '../src/linter/rule.ts';
import type { CommandForm, Instruction } from '../src/parser/ast.ts';
import { shellFromComment, shellWasSet, type InstructionInfo } from '../src/model/index.ts';
import { stageKeywords } from '../src/model/stage-keywords.ts';
import type { FixSafety } from '../src/linter/types.ts';

// a word the shell passes on unchanged: no quotes, variables, globs, operators, escapes or comments
const PLAIN_WORD = /^[A-Za-z0-9_./:=@%+,-]+$/;
// names that are shell builtins or keywords, with no program of that name to exec
const SHELL_ONLY = new Set([
  'exec', 'cd', 'export', 'set', 'unset', 'source', '.', 'eval', 'trap', 'ulimit', 'umask', 'alias', 'if', 'for', 'while',
  'until', 'case', 'function', 'read', 'wait', 'shift', 'local', 'declare', 'typeset', 'readonly', 'return', 'exit', 'break',
  'continue', 'builtin', 'command', 'hash', 'type', 'times', 'shopt', 'let', 'select', 'time', ':',
]);
const POSIX_SHELL = /^(\/usr)?\/bin\/(sh|bash|dash|ash)$/;
// expansions, operators, redirections and globs outside single quotes: the shell acts on them
const POSIX_SHELL_FEATURE = /[$`|;&<>*?]/;
// cmd.exe expands %VAR% even in double quotes, and chains, pipes and redirects
const CMD_SHELL_FEATURE = /%[^%\s]+%|[&|<>]/;
// what only cmd.exe can start: its builtins and scripts
const WINDOWS_SHELL_ONLY = /^(echo|dir|set|type|copy|del|move|ren|cd|md|mkdir|rd|rmdir|start|call|ver|cls|mklink|pushd|popd|if|for)$|\.(cmd|bat|ps1)$/i;

/**
 * whether the command needs the shell that runs it (exec form could only spell that shell out):
 * it expands, chains, pipes, redirects or globs, or on Windows it is a cmd builtin or script.
 * `sh -c '...$X'` does not: the inner shell does the work and the outer one is overhead.
 */
function needsShell(command: CommandForm, windows: boolean): boolean {
  if (command.kind !== 'shell') return false;
  if (!windows) return POSIX_SHELL_FEATURE.test(command.text.replace(/'[^']*'/g, "''"));
  const first = (command.text.trim().split(/\s+/)[0] ?? '').replace(/^"|"$/g, '');
  return WINDOWS_SHELL_ONLY.test(first) || CMD_SHELL_FEATURE.test(command.text);
}

/** the exec-form words of a shell-form command, when the shell would pass them on unchanged */
function plainWords(command: CommandForm): string[] | undefined {
  if (command.kind !== 'shell') return undefined;
  const words = command.text.split(/\s+/).filter((w) => w !== '');
  const first = words[0];
  if (first === undefined || SHELL_ONLY.has(first) || first.includes('=') || !words.every((w) => PLAIN_WORD.test(w))) return undefined;
  return words;
}

export default defineRule({
  meta: {
    id: 'cmd-shell-form',
    aliases: ['DL3025', 'JSONArgsRecommended'],
    severity: 'warning',
    category: 'correctness',
    fixable: 'both',
    docs: {
      summary: 'Write CMD and ENTRYPOINT in JSON (exec) form',
      description: 'Reports CMD and ENTRYPOINT written in shell form (`CMD node app.js`) instead of the JSON form (`CMD ["node", "app.js"]`). A HEALTHCHECK command is a short-lived probe, not the main process: its shell form is fine.',
      why: 'In shell form the container runs `/bin/sh -c "..."`: the shell becomes PID 1 and does not pass SIGTERM on, so `docker stop` waits for its timeout and then kills the program without a clean shutdown. A shell-form ENTRYPOINT also ignores CMD and the arguments of `docker run`.',
      bad: 'FROM node:22-slim\nCMD node server.js',
      good: 'FROM node:22-slim\nCMD ["node", "server.js"]',
      fixSafety: 'Rewrites the command in JSON form only when it is a plain list of words (no variables, quotes, globs, operators, redirections or escapes, and no shell builtin), so the shell would have run exactly those words. Safe for HEALTHCHECK (hadolint preset), for CMD when the Dockerfile sets no ENTRYPOINT in the stage or the stages it builds on, and for ENTRYPOINT when the stage sets no CMD. Unsafe otherwise (an exec-form ENTRYPOINT receives CMD as arguments, which the shell form ignored) and under a SHELL other than a POSIX shell.',
      presets: 'recommended, all and buildkit: not reported when a SHELL instruction (or, except in buildkit, a `# hadolint shell=` comment) chose the shell, in the stage, a stage it builds on or, when images are resolved, the base image (its config\'s Shell), as BuildKit\'s JSONArgsRecommended does: shell form is then deliberate. buildkit reports on the whole instruction, with BuildKit\'s message, whatever the command. recommended and all also leave alone a command that needs its shell: it expands variables at run time, chains, pipes or redirects (`CMD /bin/$BIN_NAME`, `ENTRYPOINT locust --host="$HOST" 2>&1`: exec form could only spell the shell out), but not a shell that only passes a single-quoted script on (`CMD sh -c \'...$X\'` runs two shells); on Windows, `%VAR%`, a cmd.exe builtin or a `.cmd`, `.bat` or `.ps1` script (only cmd.exe can start it). hadolint: DL3025, which reports HEALTHCHECK CMD too and ignores SHELL.',
    },
  },
  create(ctx) {
    const hadolint = ctx.settings.preset === 'hadolint';
    const buildkit = ctx.settings.preset === 'buildkit';
    const stageHas = (info: InstructionInfo, keyword: string) => {
      for (let stage = info.stage; stage; stage = stage.baseStage) {
        if (stageKeywords(stage).has(keyword)) return true;
        if (keyword === 'CMD') break; // ENTRYPOINT clears a CMD inherited from the base
      }
      return false;
    };
    const check = (ins: Instruction, command: CommandForm | undefined, info: InstructionInfo, label: string) => {
      if (command?.kind !== 'shell') return;
      // BuildKit lints what it dispatches: an ONBUILD trigger runs in the child image
      if (buildkit && info.onbuild) return;
      // a chosen shell (PowerShell, bash -o pipefail ...) makes the shell form deliberate
      // BuildKit knows SHELL instructions (and the image's Shell), not a `# hadolint shell=` comment
      if (!hadolint && shellWasSet(info.shell) && !(buildkit && shellFromComment(info.shell))) return;
      if (!hadolint && !buildkit && needsShell(command, info.stage?.windows ?? false)) return;
      const words = ins.comments.length === 0 ? plainWords(command) : undefined;
      let safety: FixSafety = 'safe';
      if (!POSIX_SHELL.test(info.shell[0] ?? '') || info.shell[1] !== '-c' || info.shell.length !== 2) safety = 'unsafe';
      else if (ins.keyword === 'CMD' && stageHas(info, 'ENTRYPOINT')) safety = 'unsafe';
      else if (ins.keyword === 'ENTRYPOINT' && stageHas(info, 'CMD')) safety = 'unsafe';
      const json = words ? `[${words.map((w) => JSON.stringify(w)).join(', ')}]` : undefined;
      ctx.report({
        span: buildkit ? ins : command.span,
        message: buildkit
          ? `JSON arguments recommended for ${ins.keywordWord.value} to prevent unintended behavior related to OS signals`
          : `Use the JSON form for ${label} so the program runs without a shell in between${json ? `: \`${json}\`` : ''}`,
        ...(json ? { fix: fix('rewrite in JSON form', safety, replace(command.span, json)) } : {}),
      });
    };
    return {
      CMD: (ins, info) => check(ins, ins.command, info, 'CMD'),
      ENTRYPOINT: (ins, info) => check(ins, ins.command, info, 'ENTRYPOINT'),
      // a probe, not the main process: only hadolint's DL3025 asks for its JSON form
      HEALTHCHECK: (ins, info) => {
        if (hadolint && ins.kind?.value.toUpperCase() === 'CMD') check(ins, ins.command, info, 'HEALTHCHECK CMD');
      },
    };
  },
});
