import { defineRule } from '../src/linter/rule.ts';
import { hasFlag, isCommand, subcommandWords, unwrap, type ShellCommand, type ShellWord } from '../src/model/index.ts';
import { resolveWord } from '../src/model/operands.ts';
import { reportUnpinned, versionsOf, type UnpinnedGroup, type UnpinnedOperand } from './shared/unpinned.ts';

// `gem install` options without a value, which may come between gem names
const GEM_BOOLEAN_FLAGS = new Set([
  'N', 'no-document', 'no-ri', 'no-rdoc', 'document', 'user-install', 'no-user-install', 'minimal-deps', 'conservative',
  'f', 'force', 'no-force', 'ignore-dependencies', 'prerelease', 'no-prerelease', 'development', 'development-all',
  'E', 'env-shebang', 'no-env-shebang', 'w', 'wrappers', 'no-wrappers', 'lock', 'no-lock', 'suggestions', 'no-suggestions',
  'default', 'post-install-message', 'no-post-install-message', 'explain', 'q', 'quiet', 'V', 'verbose', 'no-verbose',
  'both', 'l', 'local', 'r', 'remote', 'clear-sources', 'update-sources', 'no-update-sources', 'norc', 'debug', 'backtrace',
  'system', 'vendor',
]);
// options whose value is the next word
const GEM_VALUE_FLAGS = new Set(['i', 'install-dir', 'n', 'bindir', 's', 'source', 'P', 'trust-policy', 'platform', 'build-root', 'g', 'file', 'p', 'http-proxy', 'config-file']);

/**
 * The gem names of `gem install`: gem names come first, options after them (`gem install rails
 * --no-document`); `--` starts the build flags. An option this list does not know ends the names,
 * since its value could look like a gem (`--with-opt true`).
 */
function gemOperands(cmd: ShellCommand): ShellWord[] {
  const real = unwrap(cmd);
  const sub = subcommandWords(real, 'gem', 1)[0];
  if (!sub) return [];
  const args = real.args.slice(real.args.indexOf(sub) + 1);
  const names: ShellWord[] = [];
  for (let i = 0; i < args.length; i++) {
    const w = args[i]!;
    const a = w.value ?? w.text;
    if (a === '--') break;
    if (!a.startsWith('-') || a === '-') {
      names.push(w);
      continue;
    }
    const name = a.replace(/^--?/, '').replace(/=.*$/, '');
    if (GEM_VALUE_FLAGS.has(name)) {
      if (!a.includes('=') && !/^-[A-Za-z]./.test(a)) i++;
    } else if (!GEM_BOOLEAN_FLAGS.has(name)) break;
  }
  return names;
}

export default defineRule({
  meta: {
    id: 'gem-version-unpinned',
    aliases: ['DL3028'],
    severity: 'warning',
    category: 'correctness',
    docs: {
      summary: 'Pin gem versions in `gem install`',
      description: 'Reports each `gem install` / `gem i` with gems named without a version (`bundler` instead of `bundler:2.5.23`), unless `-v` / `--version` gives one; once per command, naming them. Local `.gem` files are not checked.',
      why: 'Without a version the build installs the newest release of the day: rebuilding the same Dockerfile can give a different image, or break on a new major version.',
      bad: 'FROM ruby:3.3\nRUN gem install bundler',
      good: 'FROM ruby:3.3\nRUN gem install bundler:2.5.23',
      fixSafety: 'No fix: the version to pin is your choice.',
    },
  },
  create(ctx) {
    return {
      run(run, info) {
        const groups: UnpinnedGroup[] = [];
        for (const cmd of run.commands) {
          if (!isCommand(cmd, 'gem', 'install') && !isCommand(cmd, 'gem', 'i')) continue;
          if (hasFlag(cmd, 'v', 'version')) continue;
          const operands: UnpinnedOperand[] = [];
          for (const word of gemOperands(cmd)) {
            const name = resolveWord(word, info, run);
            if (name !== undefined && !name.includes(':') && !name.endsWith('.gem') && !name.includes('/')) operands.push({ word, name });
          }
          groups.push({ operands, message: (names) => `Pin ${versionsOf(operands)} ${names}: \`gem install ${operands[0]!.name}:<version>\`` });
        }
        reportUnpinned(ctx, groups);
      },
    };
  },
});
