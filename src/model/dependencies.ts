/**
 * Dependency installs that read manifest files from the build context (`npm ci`,
 * `pip install -r requirements.txt`, `go mod download` ...): which files they need, so a
 * Dockerfile can copy those first and keep the install cached while the sources change.
 */
import type { RunInfo } from './run.ts';
import { commandName, flagValues, hasFlag, isCommand, positionalArgs, subcommandWords } from './shell/commands.ts';
import type { PackageInstall, PackageManager } from './shell/packages.ts';
import type { ShellCommand } from './shell/types.ts';

export interface DependencyInstall {
  /** what the message calls it: `npm ci`, `pip install -r`, `go mod download` ... */
  label: string;
  command: ShellCommand;
  /** files the install reads, in copy order; the first must exist for the split to make sense */
  manifests: readonly string[];
  /** it only downloads/installs dependencies: it does not need the rest of the sources */
  dependenciesOnly: boolean;
  /** the package manager whose cache it fills, when it has one (see cache-mount.ts) */
  manager?: PackageManager;
  /** installs of one ecosystem read the same manifests: `node` (npm, yarn, pnpm), `python` (pip, poetry), `go`, `maven`, `gradle`, `cargo`, `ruby`, `php` */
  ecosystem: string;
}

const NODE: Readonly<Record<string, readonly string[]>> = {
  npm: ['package.json', 'package-lock.json', 'npm-shrinkwrap.json', '.npmrc'],
  yarn: ['package.json', 'yarn.lock', '.yarnrc.yml', '.yarnrc', '.npmrc'],
  pnpm: ['package.json', 'pnpm-lock.yaml', 'pnpm-workspace.yaml', '.npmrc'],
};
const GRADLE_FILES = ['build.gradle', 'build.gradle.kts', 'settings.gradle', 'settings.gradle.kts', 'gradle.properties', 'gradlew', 'gradle'];
const MAVEN_OFFLINE_GOALS = /^dependency:(go-offline|resolve|resolve-plugins)$/;
/** mvn options whose value is the next word (`-s settings.xml`, `-f pom.xml`) */
const MAVEN_VALUE_FLAGS = ['s', 'settings', 'gs', 'global-settings', 'f', 'file', 'P', 'activate-profiles', 'pl', 'projects', 'rf', 'resume-from', 'T', 'threads', 'l', 'log-file', 'b', 'builder', 't', 'toolchains'];

function fromPackageInstall(install: PackageInstall): Omit<DependencyInstall, 'manager'> | undefined {
  const { manager, command } = install;
  const noOperands = install.packages.length === 0 && !install.global;
  if ((manager === 'npm' || manager === 'yarn' || manager === 'pnpm') && noOperands && install.action !== 'add') {
    return { label: `${manager} ${install.action}`, command, manifests: NODE[manager]!, dependenciesOnly: true, ecosystem: 'node' };
  }
  if (manager === 'pip' && install.requirements.length > 0) {
    const files = install.requirements.map((w) => w.value).filter((v): v is string => v !== undefined);
    if (files.length !== install.requirements.length) return undefined;
    return { label: 'pip install -r', command, manifests: files, dependenciesOnly: install.packages.length === 0, ecosystem: 'python' };
  }
  if (manager === 'poetry' && install.action === 'install') {
    return { label: 'poetry install', command, manifests: ['pyproject.toml', 'poetry.lock', 'poetry.toml'], dependenciesOnly: hasFlag(command, 'no-root'), ecosystem: 'python' };
  }
  if (manager === 'composer' && install.action === 'install') {
    // scripts and the autoloader read the sources
    return { label: 'composer install', command, manifests: ['composer.json', 'composer.lock', 'auth.json'], dependenciesOnly: hasFlag(command, 'no-scripts') && hasFlag(command, 'no-autoloader'), ecosystem: 'php' };
  }
  if (manager === 'bundle' && install.action === 'install') {
    return { label: 'bundle install', command, manifests: ['Gemfile', 'Gemfile.lock'], dependenciesOnly: true, ecosystem: 'ruby' };
  }
  return undefined;
}

function fromCommand(command: ShellCommand): DependencyInstall | undefined {
  const name = commandName(command);
  if (name === 'go' && isCommand(command, 'go', 'mod', 'download')) {
    return { label: 'go mod download', command, manifests: ['go.mod', 'go.sum'], dependenciesOnly: true, ecosystem: 'go' };
  }
  if (name === 'mvn' || name === 'mvnw') {
    const goals = positionalArgs(command, { flagsWithValue: MAVEN_VALUE_FLAGS }).map((a) => a.value ?? '');
    const offline = goals.length > 0 && goals.every((g) => MAVEN_OFFLINE_GOALS.test(g));
    if (offline || goals.some((g) => /^(package|install|verify|compile)$/.test(g))) {
      return { label: `mvn ${goals.join(' ')}`, command, manifests: ['pom.xml'], dependenciesOnly: offline, ecosystem: 'maven' };
    }
  }
  if (name === 'gradle' || name === 'gradlew') {
    return { label: 'gradle', command, manifests: GRADLE_FILES, dependenciesOnly: false, ecosystem: 'gradle' };
  }
  if (name === 'cargo') {
    const sub = subcommandWords(command, 'cargo', 1)[0]?.value;
    if (sub === 'fetch' || sub === 'build') return { label: `cargo ${sub}`, command, manifests: ['Cargo.toml', 'Cargo.lock'], dependenciesOnly: sub === 'fetch', ecosystem: 'cargo' };
  }
  return undefined;
}

/** The dependency installs of a RUN, in source order. */
export function dependencyInstalls(run: RunInfo): DependencyInstall[] {
  const found: DependencyInstall[] = [];
  for (const install of run.installs) {
    const dep = fromPackageInstall(install);
    if (dep) found.push({ ...dep, manager: install.manager });
  }
  for (const command of run.commands) {
    const dep = fromCommand(command);
    if (!dep) continue;
    const manager = dep.label.split(' ')[0];
    found.push(manager === 'go' || manager === 'cargo' ? { ...dep, manager } : dep);
  }
  return found.sort((a, b) => a.command.start - b.command.start);
}

const TESTS = new Set(['[', '[[', 'test']);

/**
 * Whether the RUN tests that one of the install's manifests exists (`if [ -s requirements.txt ]; then
 * pip install -r requirements.txt; fi`): the manifest is optional, as in ONBUILD images for
 * any project, and a COPY of it would fail where it is missing.
 */
export function manifestOptional(run: RunInfo, dep: DependencyInstall): boolean {
  return run.commands.some((c) => c.program !== undefined && TESTS.has(c.program)
    && c.args.some((a) => a.value !== undefined && dep.manifests.includes(a.value.replace(/^\.\//, ''))));
}

const CONFIG_PROGRAMS = ['npm', 'yarn', 'pnpm', 'pip', 'poetry', 'composer', 'bundle'];

/**
 * Whether every command of the RUN works without the project's sources: dependency-only installs,
 * installs of named packages from a registry, package-manager configuration and cache cleans.
 */
export function needsOnlyManifests(run: RunInfo): boolean {
  const deps = new Set(dependencyInstalls(run).filter((d) => d.dependenciesOnly).map((d) => d.command));
  const registryInstalls = new Set(run.installs
    .filter((i) => i.requirements.length === 0 && i.packages.length > 0 && i.packages.every((p) => /^[A-Za-z@]/.test(p.value ?? '')))
    .map((i) => i.command));
  const cleans = new Set(run.cleans.map((c) => c.command));
  // a bare `<<EOF` command line (heredoc script) runs nothing itself
  const commands = run.commands.filter((c) => c.name !== undefined || c.assignments.length > 0);
  return commands.length > 0 && commands.every((c) => deps.has(c) || registryInstalls.has(c) || cleans.has(c)
    || CONFIG_PROGRAMS.some((p) => isCommand(c, p, 'config'))
    || (isCommand(c, 'go', 'env') && flagValues(c, 'w').length > 0));
}
