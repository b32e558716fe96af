/** The shell model of RUN scripts: parse once, then ask rules-level questions of the commands. */
export { parseShell } from './parser.ts';
export type {
  ShellAssignment,
  ShellCommand,
  ShellDialect,
  ShellError,
  ShellParseOptions,
  ShellPipeline,
  ShellRedirect,
  ShellScript,
  ShellWord,
} from './types.ts';
export {
  argsAfterSubcommand,
  commandName,
  flagValues,
  forgetUnwrapped,
  GLOBAL_FLAGS_WITH_VALUE,
  hasFlag,
  isCommand,
  positionalArgs,
  programName,
  readsScriptFromStdin,
  shellCScript,
  shellStdinScript,
  subcommandPositionals,
  subcommandWords,
  unwrap,
  type PositionalOptions,
} from './commands.ts';
export {
  cacheRemovalsOf,
  inSourceOrder,
  packageCleanOf,
  packageCleans,
  packageInstallOf,
  packageInstalls,
  packageUpdateOf,
  packageUpdates,
  type PackageClean,
  type PackageInstall,
  type PackageManager,
  type PackageUpdate,
} from './packages.ts';
export { changesShellStartup, isStartupFile } from './startup.ts';
export { removedPaths, removedPathsOf, shellStateChanges, stateChangeOf, type RemovedPath, type ShellStateChange, type ShellStateKind } from './state.ts';
