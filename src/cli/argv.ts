/**
 * The lint command's arguments read without yargs, for the shapes a plain call takes: files,
 * and known options each written out in full (`--format json`, `--format=json`, `-f json`,
 * `--fix`). Loading yargs and building its command tree is a good part of a cold start, and
 * such a call needs none of it. Anything else (help, version, a subcommand, an unknown,
 * repeated or clustered option, a number, an empty word) returns undefined and goes to yargs,
 * which stays the one authority on errors and help. test/cli/argv.test.ts checks that both
 * read every call this accepts alike.
 */
import type { FailureThreshold } from '../config/index.ts';
import type { LintArgs } from './lint.ts';

/** -t's values: `ignore` is hadolint's, failing on any finding (hadolint's `none` does too; ours never fails) */
export const THRESHOLDS = ['error', 'warning', 'info', 'style', 'ignore', 'none'] as const;

export function thresholdOf(value: (typeof THRESHOLDS)[number]): FailureThreshold {
  return value === 'ignore' ? 'style' : value;
}

type FlagKey = 'noConfig' | 'quiet' | 'fix' | 'unsafeFixes' | 'fixDryRun' | 'cache' | 'resolveImages' | 'offline' | HadolintFlagKey;
type ValueKey = 'format' | 'outputFile' | 'rule' | 'ignore' | 'buildArg' | 'config' | 'preset' | 'context' | 'stdinFilename' | 'failureThreshold' | 'maxWarnings' | 'cacheLocation' | HadolintListKey;
type HadolintFlagKey = 'noFail' | 'strictLabels' | 'disableIgnorePragma';
type HadolintListKey = 'errorRules' | 'warningRules' | 'infoRules' | 'styleRules' | 'trustedRegistry' | 'requireLabel';

const FLAGS: ReadonlyMap<string, FlagKey> = new Map([
  ['--no-config', 'noConfig'], ['--quiet', 'quiet'], ['-q', 'quiet'], ['--fix', 'fix'],
  ['--unsafe-fixes', 'unsafeFixes'], ['--fix-dry-run', 'fixDryRun'], ['--diff', 'fixDryRun'], ['--cache', 'cache'],
  // hadolint's
  ['--no-fail', 'noFail'], ['--strict-labels', 'strictLabels'], ['--disable-ignore-pragma', 'disableIgnorePragma'],
  ['--resolve-images', 'resolveImages'], ['--offline', 'offline'],
]);

const VALUE_OPTIONS: ReadonlyMap<string, ValueKey> = new Map([
  ['--format', 'format'], ['-f', 'format'], ['--output-file', 'outputFile'], ['-o', 'outputFile'],
  ['--rule', 'rule'], ['--ignore', 'ignore'], ['--config', 'config'], ['-c', 'config'], ['--preset', 'preset'],
  ['--context', 'context'], ['--build-arg', 'buildArg'], ['--stdin-filename', 'stdinFilename'],
  ['--failure-threshold', 'failureThreshold'], ['-t', 'failureThreshold'], ['--max-warnings', 'maxWarnings'],
  ['--cache-location', 'cacheLocation'],
  // hadolint's (its -o is --output)
  ['--output', 'outputFile'], ['--error', 'errorRules'], ['--warning', 'warningRules'], ['--info', 'infoRules'], ['--style', 'styleRules'],
  ['--trusted-registry', 'trustedRegistry'], ['--require-label', 'requireLabel'],
]);

/** options that may be given again, each time adding a value */
const REPEATABLE = new Set<ValueKey>(['format', 'outputFile', 'rule', 'ignore', 'buildArg', 'errorRules', 'warningRules', 'infoRules', 'styleRules', 'trustedRegistry', 'requireLabel']);

// yargs runs these (or would suggest them) when they stand among the positionals
const COMMAND_WORDS = new Set(['parse', 'rules', 'explain', 'init', 'lsp', 'verify', 'help', 'completion']);

/** a word yargs passes through as the same string: not empty, not number- or boolean-like */
function isPlainWord(word: string): boolean {
  return word !== '' && !/^[-+]?[\d.]/.test(word) && !/^0x/i.test(word) && word !== 'true' && word !== 'false';
}

/** The lint call `argv` makes, or undefined when yargs must read it. */
export function quickLintArgs(argv: readonly string[]): LintArgs | undefined {
  const args: LintArgs = {
    files: [], format: [], outputFile: [], noConfig: false, rule: [], ignore: [], buildArg: [],
    quiet: false, fix: false, unsafeFixes: false, fixDryRun: false, cache: false, resolveImages: false, offline: false,
    errorRules: [], warningRules: [], infoRules: [], styleRules: [], trustedRegistry: [], requireLabel: [],
    strictLabels: false, disableIgnorePragma: false, noFail: false,
  };
  const given = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!;
    if (word === '-' || !word.startsWith('-')) {
      if (word !== '-' && (!isPlainWord(word) || COMMAND_WORDS.has(word))) return undefined;
      args.files.push(word);
      continue;
    }
    const equals = word.startsWith('--') ? word.indexOf('=') : -1;
    const name = equals === -1 ? word : word.slice(0, equals);
    const flag = FLAGS.get(name);
    const key = VALUE_OPTIONS.get(name);
    const option = flag ?? key ?? (name === '--color' || name === '--no-color' ? 'color' : undefined);
    if (option === undefined || (given.has(option) && (key === undefined || !REPEATABLE.has(key)))) return undefined;
    given.add(option);
    if (key === undefined) {
      if (equals !== -1) return undefined;
      if (flag !== undefined) args[flag] = true;
      else args.color = name === '--color';
      continue;
    }
    const value = equals === -1 ? argv[++i] : word.slice(equals + 1);
    if (value === undefined) return undefined;
    switch (key) {
      case 'format': case 'outputFile': case 'rule': case 'ignore': case 'buildArg':
      case 'errorRules': case 'warningRules': case 'infoRules': case 'styleRules': case 'trustedRegistry': case 'requireLabel':
        // yargs reads a lone `-` value as stdin's stand-in, which these lists turn back into `-`
        if (value !== '-' && (value.startsWith('-') || !isPlainWord(value))) return undefined;
        args[key].push(value);
        break;
      case 'maxWarnings':
        if (!/^(0|[1-9]\d{0,14})$/.test(value)) return undefined;
        args.maxWarnings = Number(value);
        break;
      case 'failureThreshold': {
        const threshold = THRESHOLDS.find((t) => t === value);
        if (threshold === undefined) return undefined;
        args.failureThreshold = thresholdOf(threshold);
        break;
      }
      default:
        if (value.startsWith('-') || !isPlainWord(value)) return undefined;
        args[key] = value;
    }
  }
  // yargs reads --no-config as config=false too; together with --config the order decides
  if (args.noConfig && args.config !== undefined) return undefined;
  return args;
}
