/**
 * Every command as yargs reads it: help, version, the subcommands, and any lint call that
 * quickLintArgs leaves to yargs. Loaded only for those: yargs and its help-text helpers cost a
 * cold start ~50 ms. Returns the exit code; throws what main reports as one line.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import yargs from 'yargs';
import { starterConfigText } from '../config/index.ts';
import { REPORTER_NAMES } from '../report/index.ts';
import { THRESHOLDS, thresholdOf } from './argv.ts';
import { UsageError } from './errors.ts';
import type { CliIO } from './io.ts';
import { parseRuleArgs, runLint, type LintArgs } from './lint.ts';

// yargs drops a bare `-`; it stands for stdin, so it travels under another name
const STDIN_ARG = '\u0000stdin';

export async function runCommands(rawArgv: readonly string[], io: CliIO): Promise<number> {
  let exitCode = 0;
  const argv = rawArgv.map((a) => (a === '-' ? STDIN_ARG : a));
  const parser = yargs([...argv])
    .scriptName('tslint-docker')
    .usage('$0 [files..]\n\nLint (and fix) Dockerfiles. With no files, every Dockerfile under the current directory.')
    .version(io.version)
    .help()
    .alias('h', 'help')
    .alias('v', 'version')
    .strict()
    .exitProcess(false)
    .wrap(Math.min(100, process.stdout.columns || 100))
    .fail((message, error) => {
      // what a command threw goes on as it is; yargs' complaints (a message, or a YError) are about the call
      if (error !== undefined && error !== null && error.name !== 'YError') throw error;
      const text = message ?? error?.message ?? '';
      // yargs spreads some messages (invalid choices) over lines: bad flags get one line
      throw new UsageError(`${unknownOptions(text) ?? text.replace(/\s*\n\s*/g, ' ')} (see tslint-docker --help)`);
    })
    .command(
      '$0 [files..]',
      'lint Dockerfiles (files, directories, globs, or - for stdin)',
      (y) =>
        y
          .positional('files', { type: 'string', array: true, default: [] as string[] })
          .option('format', {
            alias: 'f',
            type: 'string',
            describe: `output format: ${REPORTER_NAMES.join('|')} (repeatable, paired with --output-file; default stylish, tty in the hadolint preset). ` +
              'tty, gnu, codeclimate, gitlab_codeclimate, codacy and sonarqube are hadolint\'s; json, sarif, checkstyle and junit are hadolint\'s shape in the hadolint preset, ours otherwise',
          })
          .option('output-file', { alias: ['o', 'output'], type: 'string', describe: 'write the report of the matching --format to this file (its folder is created)' })
          .option('config', { alias: 'c', type: 'string', describe: 'use this config file (ours or a .hadolint.yaml) instead of searching' })
          .option('no-config', { type: 'boolean', default: false, describe: 'ignore config files' })
          .option('preset', { type: 'string', describe: 'the rules on by default: recommended (the default), hadolint (the default with a .hadolint.yaml), buildkit, all; instead of the config\'s, which still applies on top' })
          .option('rule', { type: 'string', describe: 'set a rule: ID=off|error|warning|info|style (repeatable)' })
          .option('ignore', { type: 'string', describe: 'turn a rule off by id or alias (repeatable)' })
          .option('failure-threshold', { alias: 't', choices: THRESHOLDS, describe: 'lowest severity that fails (default: info, as hadolint); none: never on findings; ignore (hadolint\'s): any finding' })
          .option('max-warnings', { type: 'number', describe: 'fail when there are more warnings than this' })
          .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'report errors only' })
          .option('context', { type: 'string', describe: 'build context directory (default: each Dockerfile\'s folder)' })
          .option('build-arg', { type: 'string', describe: 'NAME=VALUE as docker build takes it (repeatable): the value of ARG NAME; BUILDKIT_DOCKERFILE_CHECK=... replaces the file\'s # check= directive' })
          .option('stdin-filename', { type: 'string', describe: 'the path to assume for stdin (config lookup, reports)' })
          .option('fix', { type: 'boolean', default: false, describe: 'apply safe fixes and write the files' })
          .option('unsafe-fixes', { type: 'boolean', default: false, describe: 'with --fix / --diff: apply unsafe fixes too' })
          .option('fix-dry-run', { alias: 'diff', type: 'boolean', default: false, describe: 'print a unified diff of the fixes; change nothing; exit 1 when there would be changes' })
          .option('cache', { type: 'boolean', default: false, describe: 'reuse the results of files whose text, settings and build context have not changed since the last --cache run' })
          .option('cache-location', { type: 'string', describe: 'the cache file (or a directory for it); default .tslint-docker-cache' })
          .option('print-config', { type: 'string', describe: 'print the configuration that applies to FILE (its preset and every rule\'s setting) and exit' })
          .option('color', { type: 'boolean', describe: 'force colour on or off (default: NO_COLOR, FORCE_COLOR, terminal)' })
          .option('resolve-images', { type: 'boolean', default: false, describe: 'let rules know base images: ask the local engine, then registries, caching the answers (docs/images.md)' })
          .option('offline', { type: 'boolean', default: false, describe: 'base images from the cache of earlier answers only: no network' })
          // hadolint's command line, as hadolint 2.15 reads it; HADOLINT_* variables too (docs/hadolint-migration.md)
          .option('error', { type: 'string', describe: 'hadolint: make rule CODE (DL/SC code, id or alias) an error (repeatable)' })
          .option('warning', { type: 'string', describe: 'hadolint: make rule CODE a warning (repeatable)' })
          .option('info', { type: 'string', describe: 'hadolint: make rule CODE info (repeatable)' })
          .option('style', { type: 'string', describe: 'hadolint: make rule CODE style (repeatable)' })
          .option('trusted-registry', { type: 'string', describe: 'hadolint: a registry FROM images may come from (repeatable)' })
          .option('require-label', { type: 'string', describe: 'hadolint: LABEL:FORMAT, a label every image must have (repeatable; text|url|semver|hash|rfc3339|spdx|email)' })
          .option('strict-labels', { type: 'boolean', default: false, describe: 'hadolint: no labels besides the required ones' })
          .option('disable-ignore-pragma', { type: 'boolean', default: false, describe: 'hadolint: ignore the inline `# hadolint ignore=` (and `# tslint-docker ignore=`) comments' })
          .option('no-fail', { type: 'boolean', default: false, describe: 'hadolint: exit 0 whatever is found' })
          // --no-fail is yargs' negation of this one
          .option('fail', { type: 'boolean', hidden: true })
          // a value-taking option at the end of the line is a mistake, not an empty value
          .requiresArg([
            'format', 'output-file', 'config', 'preset', 'rule', 'ignore', 'context', 'build-arg', 'stdin-filename', 'cache-location', 'print-config',
            'error', 'warning', 'info', 'style', 'trusted-registry', 'require-label',
          ]),
      async (a) => {
        if (a.printConfig !== undefined) {
          const { configFor } = await import('../linter/service.ts');
          const config = await configFor({
            filePath: resolve(io.cwd, a.printConfig),
            ...(typeof a.config === 'string' ? { explicitConfig: resolve(io.cwd, a.config) } : {}),
            noConfig: a.noConfig || (a.config as unknown) === false,
            ...(a.preset !== undefined ? { preset: lastOf(a.preset) } : {}),
            cliRules: parseRuleArgs(list(a.rule)),
            cliIgnore: list(a.ignore),
          });
          io.stdout(JSON.stringify(config, null, 2) + '\n');
          return;
        }
        const args: LintArgs = {
          files: (a.files as string[]).map((f) => (f === STDIN_ARG ? '-' : f)),
          format: list(a.format),
          outputFile: list(a.outputFile),
          // yargs reads --no-config as config=false too
          noConfig: a.noConfig || (a.config as unknown) === false,
          rule: list(a.rule),
          ignore: list(a.ignore),
          quiet: a.quiet,
          fix: a.fix,
          unsafeFixes: a.unsafeFixes,
          fixDryRun: a.fixDryRun,
          cache: a.cache,
          buildArg: list(a.buildArg),
          errorRules: list(a.error),
          warningRules: list(a.warning),
          infoRules: list(a.info),
          styleRules: list(a.style),
          trustedRegistry: list(a.trustedRegistry),
          requireLabel: list(a.requireLabel),
          strictLabels: a.strictLabels,
          disableIgnorePragma: a.disableIgnorePragma,
          noFail: a.noFail || a.fail === false,
          resolveImages: a.resolveImages,
          offline: a.offline,
        };
        if (typeof a.config === 'string') args.config = a.config;
        if (a.preset !== undefined) args.preset = lastOf(a.preset);
        if (a.failureThreshold !== undefined) args.failureThreshold = thresholdOf(a.failureThreshold);
        // -1 is no limit, as in ESLint
        if (a.maxWarnings !== undefined && a.maxWarnings !== -1) {
          if (!Number.isInteger(a.maxWarnings) || a.maxWarnings < 0) throw new UsageError('--max-warnings takes a whole number >= 0, or -1 for no limit');
          args.maxWarnings = a.maxWarnings;
        }
        if (a.context !== undefined) args.context = a.context;
        if (a.stdinFilename !== undefined) args.stdinFilename = a.stdinFilename;
        if (a.cacheLocation !== undefined) args.cacheLocation = a.cacheLocation;
        if (a.color !== undefined) args.color = a.color;
        exitCode = await runLint(args, io);
      },
    )
    .command(
      'parse <file>',
      'print the syntax tree of a Dockerfile',
      (y) => y.positional('file', { type: 'string', demandOption: true }).option('format', { choices: ['json', 'buildkit'] as const, default: 'json' as const }),
      async (a) => {
        const { parseDockerfile, dumpBuildkit } = await import('../parser/index.ts');
        const source = a.file === STDIN_ARG ? await io.readStdin() : readSource(io, a.file);
        const df = parseDockerfile(source);
        const fatal = df.errors.filter((e) => e.level === 'parser');
        if (a.format === 'buildkit') {
          if (fatal.length > 0) {
            const e = fatal[0]!;
            const p = df.lines.position(e.start);
            io.stderr(`${a.file}:${p.line}:${p.column}: ${e.message}\n`);
            exitCode = 1;
            return;
          }
          io.stdout(dumpBuildkit(df));
          return;
        }
        io.stdout(JSON.stringify(treeForJson(df), null, 2) + '\n');
        exitCode = df.errors.length > 0 ? 1 : 0;
      },
    )
    .command('rules', 'list every rule, with its severity in each preset', (y) => y.option('format', { choices: ['table', 'json'] as const, default: 'table' as const }), async (a) => {
      const { getLinter } = await import('../linter/index.ts');
      const { presetSettings } = await import('../linter/presets.ts');
      const { PRESET_NAMES } = await import('../linter/types.ts');
      const metas = getLinter().metas;
      if (a.format === 'json') {
        io.stdout(JSON.stringify(metas.map((m) => ({ id: m.id, aliases: m.aliases, presets: presetSettings(m), fixable: m.fixable ?? null, category: m.category, summary: m.docs.summary })), null, 2) + '\n');
        return;
      }
      const rows = metas.map((m) => {
        const presets = presetSettings(m);
        return [m.id, m.aliases.join(', '), ...PRESET_NAMES.map((p) => presets[p]), m.fixable ?? '', m.category];
      });
      const head = ['id', 'aliases', ...PRESET_NAMES, 'fixable', 'category'];
      const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
      const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd() + '\n';
      io.stdout(line(head) + line(widths.map((w) => '-'.repeat(w))) + rows.map(line).join(''));
    })
    .command('explain <rule>', 'show a rule\'s documentation (by id or alias)', (y) => y.positional('rule', { type: 'string', demandOption: true }), async (a) => {
      const { getLinter } = await import('../linter/index.ts');
      const { renderRuleDoc } = await import('../linter/docs.ts');
      const wanted = a.rule.toLowerCase();
      const meta = getLinter().metas.find((m) => m.id === wanted || m.aliases.some((x) => x.toLowerCase() === wanted));
      if (!meta) throw new UsageError(`unknown rule '${a.rule}': run 'tslint-docker rules' to list them`);
      io.stdout(renderRuleDoc(meta));
    })
    .command('init', 'write a starter .tslint-dockerrc.json', (y) => y, () => {
      const path = resolve(io.cwd, '.tslint-dockerrc.json');
      if (existsSync(path)) throw new UsageError('.tslint-dockerrc.json already exists: edit it, or remove it to start over');
      writeFileSync(path, starterConfigText(io.version));
      io.stdout(`wrote ${path}\n`);
    })
    .command('lsp', 'start the language server', (y) => y.option('stdio', { type: 'boolean', default: true, describe: 'talk LSP over stdin/stdout' }), async () => {
      const { startLanguageServer } = await import('../lsp/server.ts');
      startLanguageServer();
      exitCode = -1;
    })
    .command(
      'verify [dockerfile]',
      'build the Dockerfile and its fixed version with a real engine and compare',
      (y) =>
        y
          .positional('dockerfile', { type: 'string', default: 'Dockerfile' })
          .option('context', { type: 'string', describe: 'build context (default: the Dockerfile\'s folder)' })
          .option('engine', { choices: ['auto', 'docker', 'buildah', 'podman'] as const, default: 'auto' as const })
          .option('builder', { type: 'string', describe: 'a docker buildx builder (remote or Kubernetes BuildKit); needs the buildx plugin' })
          .option('unsafe-fixes', { type: 'boolean', default: false, describe: 'also apply unsafe fixes to the fixed variant' })
          .option('target', { type: 'string', describe: 'build this stage' })
          .option('build-arg', { type: 'string', describe: 'K=V (repeatable)' })
          .option('platform', { type: 'string', describe: 'build for one platform, e.g. linux/amd64 (the built image is checked to match)' })
          .option('network', { type: 'string', default: 'host', describe: 'network mode of RUN steps' })
          .option('format', { choices: ['stylish', 'json', 'sarif'] as const, default: 'stylish' as const })
          .option('fail-on-removed', { type: 'string', describe: 'PKG,... fail (exit 1) if the fix removes one of these installed packages (repeatable)' })
          .option('smoke', { type: 'string', describe: "'CMD' run with /bin/sh -c in both images, no network, as the image's user; a different exit code or output fails (repeatable)" })
          .option('smoke-timeout', { type: 'number', default: 60, describe: 'seconds each smoke command may run' })
          .option('keep-images', { type: 'boolean', default: false, describe: 'keep both images (their tags are in the report)' })
          .option('verbose', { type: 'boolean', default: false, describe: 'stream the engine\'s build log' }),
      async (a) => {
        const { runVerify } = await import('./verify.ts');
        exitCode = await runVerify(
          {
            dockerfile: a.dockerfile, engine: a.engine, unsafeFixes: a.unsafeFixes, buildArg: list(a.buildArg),
            network: a.network, format: a.format, keepImages: a.keepImages, verbose: a.verbose,
            failOnRemoved: list(a.failOnRemoved).flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== ''),
            smoke: list(a.smoke), smokeTimeout: a.smokeTimeout,
            ...(a.context !== undefined ? { context: a.context } : {}),
            ...(a.builder !== undefined ? { builder: a.builder } : {}),
            ...(a.target !== undefined ? { target: a.target } : {}),
            ...(a.platform !== undefined ? { platform: a.platform } : {}),
          },
          io,
        );
      },
    );

  let helpShown = false;
  await parser.parseAsync([...argv], {}, (error, _argv, output) => {
    if (output && !error) {
      io.stdout(output + '\n');
      helpShown = true;
    }
  });
  if (helpShown) return 0;
  return exitCode;
}

/**
 * yargs' "Unknown arguments: exit-zero, exitZero" names each unknown option twice (its camel-case
 * twin too): one mention each, written as typed; "Not enough arguments following: f" is an
 * option without its value.
 */
function unknownOptions(message: string): string | undefined {
  const missing = /^Not enough arguments following: (.+)$/.exec(message);
  if (missing !== null) return `${missing[1]!.length === 1 ? '-' : '--'}${missing[1]} needs a value`;
  const match = /^Unknown arguments?: (.*)$/.exec(message);
  if (match === null) return undefined;
  const names = match[1]!.split(', ');
  const twins = new Set(names.filter((n) => n.includes('-')).map((n) => n.replace(/-+([^-])/g, (_, c: string) => c.toUpperCase())));
  const typed = names.filter((n) => !twins.has(n) || n.includes('-')).map((n) => (n.length === 1 ? `-${n}` : `--${n}`));
  return `unknown option${typed.length > 1 ? 's' : ''} ${typed.join(', ')}`;
}

/** an option given once or repeated (yargs makes repeats an array) */
function list(value: unknown): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map((v) => (v === STDIN_ARG ? '-' : String(v)));
}

/** a single-value option given more than once: the last one counts */
function lastOf(value: unknown): string {
  return list(value).at(-1) ?? '';
}

function readSource(io: CliIO, file: string): string {
  try {
    return readFileSync(resolve(io.cwd, file), 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
}

/** the tree without back-references and the logical-line internals */
function treeForJson(df: import('../parser/ast.ts').Dockerfile): unknown {
  return JSON.parse(
    JSON.stringify({ escape: df.escape, hasBom: df.hasBom, directives: df.directives, instructions: df.instructions, errors: df.errors, warnings: df.warnings }, (key, value: unknown) => {
      if (key === 'parent' || key === 'tokens') return undefined;
      if (key === 'logical' && value && typeof value === 'object' && 'text' in value) return (value as { text: string }).text;
      return value;
    }),
  );
}
