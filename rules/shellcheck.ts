import { fix, replace } from '../src/fix/edits.ts';
import { defineRule } from '../src/linter/rule.ts';
import type { TextEdit } from '../src/linter/types.ts';
import { PROXY_ARGS, type InstructionInfo, type RunInfo, type ScriptSource } from '../src/model/index.ts';
import {
  runShellcheck, shellcheckBinary, shellcheckDialect, type ShellcheckDialect, type ShellcheckJob,
} from '../src/model/shellcheck.ts';

interface PendingScript {
  job: ShellcheckJob;
  source: ScriptSource;
  editable: boolean;
}

export default defineRule({
  meta: {
    id: 'shellcheck',
    aliases: [],
    severity: 'warning',
    category: 'correctness',
    fixable: 'unsafe',
    docs: {
      summary: 'ShellCheck findings in RUN scripts (needs `shellcheck` on PATH)',
      description: 'Runs ShellCheck over every shell-form RUN command line and every heredoc script, in the dialect of the SHELL in effect (`sh` unless SHELL names bash, dash, ash or ksh), with the build ARGs, ENV variables and proxy variables in scope declared as exported. Each finding carries its ShellCheck code (`SC2086` ...) as an alias, so `# hadolint ignore=SC2086` works. ONBUILD triggers run in a child image, which keeps the ENV but not the ARGs: only ENV variables count there. Exec-form RUN and non-POSIX shells are not checked. Without a `shellcheck` binary the rule reports nothing. On in the `hadolint` preset (hadolint runs ShellCheck too) and in `all`, not in `recommended`: starting ShellCheck costs about 100 ms per Dockerfile. Enable it there with `rules: { shellcheck: warning }` or `--rule shellcheck=warning`.',
      why: 'RUN scripts are shell programs: unquoted expansions, wrong test syntax, bash-only features under `/bin/sh` fail at build time or, worse, succeed doing something else.',
      bad: 'FROM debian\nRUN echo $RANDOM > /seed\n',
      good: 'FROM debian\nSHELL ["/bin/bash", "-c"]\nRUN echo "$RANDOM" > /seed\n',
      fixSafety: 'Unsafe: ShellCheck\'s own suggested edit (e.g. quoting an expansion) changes how the shell splits words, which is usually the point but may not be what the script relied on. Offered only when every edited position maps one-to-one onto the Dockerfile.',
    },
  },
  create(ctx) {
    const pending: PendingScript[] = [];
    const collect = (run: RunInfo, info: InstructionInfo) => {
      const shellDialect = dialectOfShell(info.shell);
      const environment = environmentOf(info);
      for (const source of run.scriptSources) {
        // with heredocs the command line alone is not what the shell reads; their bodies are checked instead
        if (source.form === 'exec' || (source.form === 'line' && run.ins.heredocs.length > 0)) continue;
        let text = source.text;
        let dialect = shellDialect;
        if (source.form === 'heredoc') {
          // a heredoc runs with its own `#!` interpreter, or the shell the command line names
          const shebang = /^#!\s*(\S+)(?:[ \t]+(\S+))?[^\n]*/.exec(text);
          const lineShell = run.scriptSources[0]?.form === 'line' ? run.scripts[0]?.commands[0]?.program : undefined;
          const program = shebang ? (/(^|\/)env$/.test(shebang[1]!) ? shebang[2] : shebang[1]) : lineShell;
          if (program !== undefined && shellcheckDialect(program)) dialect = shellcheckDialect(program);
          else if (shebang) dialect = undefined;
          // blank the shebang (keeping offsets): the checked file starts with its own
          if (shebang) text = ' '.repeat(shebang[0].length) + text.slice(shebang[0].length);
        }
        if (!dialect) continue;
        pending.push({ job: { text, dialect, environment }, source, editable: run.editable });
      }
    };
    return {
      run(run, info) {
        if (pending.length === 0 && !shellcheckBinary()) return;
        collect(run, info);
      },
      end() {
        if (pending.length === 0) return;
        const results = runShellcheck(pending.map((p) => p.job));
        results.forEach((comments, i) => {
          const { source, editable } = pending[i]!;
          for (const c of comments) {
            const span = spanOf(source, c.start, c.end);
            const edits: TextEdit[] = [];
            for (const r of c.replacements) {
              const s = spanOf(source, r.start, r.end);
              // an insertion between two characters a continuation separates has no single place
              const split = r.start > 0 && source.toSource(r.start - 1) + 1 !== source.toSource(r.start);
              if (s.end - s.start !== r.end - r.start || split) {
                edits.length = 0;
                break;
              }
              edits.push(replace(s, r.text));
            }
            const code = `SC${c.code}`;
            ctx.report({
              span,
              message: `${c.message} (${code})`,
              aliases: [code],
              severity: c.level,
              ...(editable && edits.length > 0 && edits.length === c.replacements.length
                ? { fix: fix(`apply ShellCheck's suggestion for ${code}`, 'unsafe', ...edits) }
                : {}),
            });
          }
        });
      },
    };
  },
});

function dialectOfShell(shell: readonly string[]): ShellcheckDialect | undefined {
  // `SHELL ["/usr/bin/env", "bash", "-c"]`, `SHELL ["busybox", "sh", "-c"]`
  const program = /(^|[\\/])(env|busybox)$/.test(shell[0] ?? '') ? shell[1] : shell[0];
  return program === undefined ? undefined : shellcheckDialect(program);
}

/** variables the RUN finds in its environment; an ONBUILD trigger runs in a child image that keeps only the ENV */
function environmentOf(info: InstructionInfo): string[] {
  const names: string[] = [...PROXY_ARGS];
  for (const v of info.scope.vars.values()) {
    if (!info.onbuild || v.kind === 'env') names.push(v.name);
  }
  return names;
}

/** source span of script offsets [start, end) */
function spanOf(source: ScriptSource, start: number, end: number): { start: number; end: number } {
  const s = source.toSource(start);
  if (end <= start) return { start: s, end: s };
  return { start: s, end: Math.max(s, source.toSource(end - 1) + 1) };
}
