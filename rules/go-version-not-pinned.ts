import { defineRule } from '../src/linter/rule.ts';
import { isCommand, subcommandPositionals, type ShellWord } from '../src/model/index.ts';

/** `go` build flags that take a value (go help build), spelled with one dash */
const GO_FLAGS_WITH_VALUE = [
  'C', 'o', 'p', 'mod', 'modfile', 'tags', 'ldflags', 'gcflags', 'asmflags', 'buildmode', 'compiler', 'gccgoflags',
  'installsuffix', 'overlay', 'pkgdir', 'toolexec', 'pgo', 'covermode', 'coverpkg', 'exec', 'buildvcs',
];
/** version queries that move: they are not pins */
const MOVING_QUERIES = new Set(['latest', 'upgrade', 'patch']);

/** a local package or file: `.`, `./x`, `../x`, `/abs`, `x.go`, or a pattern of them */
const isLocal = (pkg: string) => /^(\.{1,2}(\/|$)|\/)/.test(pkg) || pkg.endsWith('.go');

export default defineRule({
  meta: {
    id: 'go-version-not-pinned',
    aliases: ['DL3062'],
    severity: 'warning',
    category: 'correctness',
    docs: {
      summary: 'Pin the version of packages in `go install`, `go get` and `go run`',
      description: 'Reports remote packages given to `go install`, `go get` and `go run` without `@<version>`, or with a moving query (`@latest`, `@upgrade`, `@patch`). Local paths (`.`, `./cmd/app`, `/src/app`, `main.go`) are not versioned and are fine. For `go run` only the package is checked, not the program\'s arguments.',
      why: 'An unpinned package builds whatever was published last: the image changes without any change of yours, and a compromised release goes straight in.',
      bad: 'RUN go install golang.org/x/tools/gopls@latest',
      good: 'RUN go install golang.org/x/tools/gopls@v0.16.2',
      fixSafety: 'No fix: choosing a version needs the module proxy and your judgement.',
    },
  },
  create(ctx) {
    const check = (word: ShellWord) => {
      const pkg = word.value;
      if (pkg === undefined || isLocal(pkg)) return;
      const at = pkg.lastIndexOf('@');
      const version = at === -1 ? undefined : pkg.slice(at + 1);
      if (version !== undefined && !MOVING_QUERIES.has(version)) return;
      const name = at === -1 ? pkg : pkg.slice(0, at);
      ctx.report({
        span: word,
        message: version === undefined
          ? `Pin the version of \`${name}\`: \`${name}@<version>\``
          : `\`@${version}\` is not a pin: use \`${name}@<version>\``,
      });
    };
    const options = { flagsWithValue: GO_FLAGS_WITH_VALUE, singleDashLong: true };
    return {
      run(run) {
        for (const cmd of run.commands) {
          if (isCommand(cmd, 'go', 'install') || isCommand(cmd, 'go', 'get')) {
            for (const word of subcommandPositionals(cmd, 'go', 1, options)) check(word);
          } else if (isCommand(cmd, 'go', 'run')) {
            const pkg = subcommandPositionals(cmd, 'go', 1, options)[0];
            if (pkg) check(pkg);
          }
        }
      },
    };
  },
});
