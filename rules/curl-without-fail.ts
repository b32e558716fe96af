import { fix, insertAt } from '../src/fix/edits.ts';
import { defineRule } from '../src/linter/rule.ts';
import { commandName, flagValues, hasFlag, parseShell, unwrap, type ShellCommand, type ShellScript } from '../src/model/index.ts';

/** options that make curl exit non-zero on an HTTP error status */
const FAIL_OPTIONS = ['f', 'fail', 'fail-with-body'];
/** output written to a file */
const OUTPUT_OPTIONS = ['o', 'output', 'O', 'remote-name', 'remote-name-all', 'J', 'remote-header-name'];
const STDOUT_REDIRECT = new Set(['>', '>>', '>|', '&>', '&>>']);

/** curl runs, its output is used and an HTTP error (404, 500) would go unnoticed */
function outputUsed(cmd: ShellCommand, script: ShellScript): boolean {
  if (hasFlag(cmd, ...OUTPUT_OPTIONS) || flagValues(cmd, 'o', 'output').length > 0) return true;
  if (cmd.redirects.some((r) => STDOUT_REDIRECT.has(r.op))) return true;
  if (cmd.inSubshell && cmd.joinedBy === undefined) return true; // `$(curl ...)`: its output is the value
  // piped into another command
  const next = script.commands.find((c) => c.start >= cmd.end);
  return next?.joinedBy === '|' || next?.joinedBy === '|&';
}

/** plain `curl URL` checks without a body: `--head`, `--version`, config-only runs */
function informational(cmd: ShellCommand): boolean {
  return hasFlag(cmd, 'I', 'head', 'V', 'version', 'h', 'help');
}

export default defineRule({
  meta: {
    id: 'curl-without-fail',
    aliases: [],
    severity: 'warning',
    category: 'correctness',
    fixable: 'unsafe',
    docs: {
      summary: 'Use `curl -f` when the downloaded content is used',
      description: 'Reports `curl` whose response is saved (`-o`, `-O`, `>`), piped or captured (`$(curl ...)`) without `-f`/`--fail`/`--fail-with-body`, in RUN and in `HEALTHCHECK CMD` (where curl\'s exit status is the health).',
      why: 'Without `--fail`, curl exits 0 on a 404 or 500 and hands the error page on: the build "succeeds" with an HTML page saved as your tarball or piped into `sh`, and a health check reports a failing server as healthy.',
      bad: 'FROM debian\nRUN curl -sSL https://example.com/install.sh | sh\n',
      good: 'FROM debian\nRUN curl -fsSL https://example.com/install.sh | sh\n',
      fixSafety: 'Unsafe: adds `-f` after `curl` (after its first argument when that is `-q`/`--disable`, which curl honours only first), so an HTTP error now stops the build (or marks the container unhealthy). That is the intent, but a build that passed before may now fail. No fix in exec-form RUN.',
    },
  },
  create(ctx) {
    const report = (cmd: ShellCommand, editable: boolean) => {
      const curl = unwrap(cmd);
      // curl skips ~/.curlrc only when its first argument starts with `-q` (or is `--disable`): keep it first
      const first = curl.args[0];
      const after = first?.value !== undefined && (first.value.startsWith('-q') || first.value === '--disable') ? first : curl.name!;
      ctx.report({
        span: { start: cmd.start, end: cmd.end },
        message: 'curl without `-f`/`--fail` exits 0 on HTTP errors, passing an error page on as the content: add `-f`',
        ...(editable ? { fix: fix('add -f to curl', 'unsafe', insertAt(after.end, ' -f')) } : {}),
      });
    };
    const check = (script: ShellScript, editable: boolean, healthcheck: boolean) => {
      for (const cmd of script.commands) {
        if (commandName(cmd) !== 'curl' || hasFlag(cmd, ...FAIL_OPTIONS) || informational(cmd)) continue;
        if (healthcheck || outputUsed(cmd, script)) report(cmd, editable);
      }
    };
    return {
      run(run) {
        for (const script of run.scripts) check(script, run.editable, false);
      },
      HEALTHCHECK(ins) {
        const command = ins.command;
        if (command?.kind === 'exec') {
          // argv: words are JSON strings, so no fix; `sh -c` scripts are left to the shell form
          const argv = command.elements.map((e) => e.value);
          const isCurl = (argv[0] ?? '').replace(/^.*\//, '') === 'curl';
          if (isCurl && !argv.some((a) => /^-[A-Za-z]*f[A-Za-z]*$|^--fail(-with-body)?$/.test(a) && !a.startsWith('--fail-early'))) {
            ctx.report({ span: command.span, message: 'curl without `-f`/`--fail` exits 0 on HTTP errors, so this health check passes for a failing server: add "-f"' });
          }
          return;
        }
        if (command?.kind !== 'shell') return;
        // only a one-line command maps offsets one to one onto the source
        const shellForm = ctx.source.slice(command.span.start, command.span.end) === command.text;
        if (!shellForm) return;
        const script = parseShell(command.text);
        const seen = new Set<object>();
        for (const c of script.commands) shiftCommand(c, command.span.start, seen);
        check(script, true, true);
      },
    };
  },
});

/** move a command parsed on its own onto source offsets (each node once: nested scripts share words) */
function shiftCommand(c: ShellCommand, by: number, seen: Set<object>): void {
  for (const node of [c, c.name, ...c.args, ...c.assignments, ...c.redirects]) {
    if (!node || seen.has(node)) continue;
    seen.add(node);
    node.start += by;
    node.end += by;
  }
}
