import { defineRule } from '../src/linter/rule.ts';
import { isCommand, subcommandPositionals, type ShellWord } from '../src/model/index.ts';
import { reportUnpinned, versionsOf, type UnpinnedGroup, type UnpinnedOperand } from './shared/unpinned.ts';

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
      description: 'Reports `go install`, `go get` and `go run` given remote packages without `@<version>`, or with a moving query (`@latest`, `@upgrade`, `@patch`), once per command, naming them. Local paths (`.`, `./cmd/app`, `/src/app`, `main.go`) are not versioned and are fine. For `go run` only the package is checked, not the program\'s arguments.',
      why: 'An unpinned package builds whatever was published last: the image changes without any change of yours, and a compromised release goes straight in.',
      bad: 'RUN go install golang.org/x/tools/gopls@latest',
      good: 'RUN go install golang.org/x/tools/gopls@v0.16.2',
      fixSafety: 'No fix: choosing a version needs the module proxy and your judgement.',
    },
  },
  create(ctx) {
    /** the package, when it is remote and not pinned */
    const unpinned = (word: ShellWord): UnpinnedOperand | undefined => {
      const pkg = word.value;
      if (pkg === undefined || isLocal(pkg)) return undefined;
      const at = pkg.lastIndexOf('@');
      return at === -1 || MOVING_QUERIES.has(pkg.slice(at + 1)) ? { word, name: pkg } : undefined;
    };
    const options = { flagsWithValue: GO_FLAGS_WITH_VALUE, singleDashLong: true };
    return {
      run(run) {
        const groups: UnpinnedGroup[] = [];
        for (const cmd of run.commands) {
          let words: ShellWord[];
          if (isCommand(cmd, 'go', 'install') || isCommand(cmd, 'go', 'get')) words = subcommandPositionals(cmd, 'go', 1, options);
          else if (isCommand(cmd, 'go', 'run')) words = subcommandPositionals(cmd, 'go', 1, options).slice(0, 1);
          else continue;
          const operands = words.map(unpinned).filter((o): o is UnpinnedOperand => o !== undefined);
          const moving = operands.find((o) => o.name.includes('@'))?.name;
          const example = operands[0]?.name.replace(/@[^@]*$/, '');
          groups.push({
            operands,
            message: (names: string) => `Pin ${versionsOf(operands)} ${names}: \`${example}@<version>\`${moving ? ` (\`@${moving.slice(moving.lastIndexOf('@') + 1)}\` is not a pin)` : ''}`,
          });
        }
        reportUnpinned(ctx, groups);
      },
    };
  },
});
