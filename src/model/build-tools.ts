/**
 * Build tooling: SDK base images, compiler packages and build commands. A final image that
 * carries them is bigger and has more to attack than the program needs to run.
 */
import type { ImageRef } from './image.ts';
import type { RunInfo } from './run.ts';
import { commandName, flagValues, hasFlag, isCommand, positionalArgs, subcommandPositionals, subcommandWords } from './shell/commands.ts';
import type { PackageInstall } from './shell/packages.ts';
import type { ShellCommand, ShellWord } from './shell/types.ts';

/** SDK images, matched on the repository (registry included); `-jre` tags are runtimes */
const SDK_IMAGES: readonly { repository: RegExp; name: string }[] = [
  { repository: /^(library\/)?golang$/, name: 'the Go toolchain' },
  { repository: /^(library\/)?(maven|gradle)$/, name: 'a Java build tool and JDK' },
  { repository: /^(library\/)?(openjdk|eclipse-temurin|amazoncorretto|sapmachine)$/, name: 'a JDK' },
  { repository: /^(library\/)?(rust|gcc|buildpack-deps|haskell|swift)$/, name: 'a compiler toolchain' },
  { repository: /^mcr\.microsoft\.com\/dotnet\/sdk$/, name: 'the .NET SDK' },
];

/** What the image is, when it is an SDK/build image. */
export function sdkImage(image: ImageRef): string | undefined {
  if (!image.resolved) return undefined;
  const repository = (image.registry ? `${image.registry}/${image.repository}` : image.repository).toLowerCase();
  const tag = image.tag?.toLowerCase() ?? '';
  if (/(^|-)jre(-|$)/.test(tag)) return undefined;
  return SDK_IMAGES.find((k) => k.repository.test(repository))?.name;
}

/**
 * Official images whose default variant is built on buildpack-deps (with gcc, make and the
 * common -dev packages); their slim and alpine variants are not.
 */
const ON_BUILDPACK_DEPS = /^(library\/)?(node|python|pypy|ruby|perl)$/;

/**
 * Whether the image is meant for building: an SDK image (`sdkImage`), or the default variant of
 * node, python, pypy, ruby or perl, which already has gcc and make. Installing compilers there
 * adds nothing the base does not have.
 */
export function isToolchainImage(image: ImageRef): boolean {
  if (sdkImage(image) !== undefined) return true;
  if (!image.resolved || (image.registry !== undefined && image.registry !== 'docker.io') || !ON_BUILDPACK_DEPS.test(image.repository.toLowerCase())) return false;
  return !/slim|alpine|windows|nanoserver/.test(image.tag?.toLowerCase() ?? 'latest');
}

/** compiler and SDK packages of the OS package managers (names without version) */
const BUILD_PACKAGES = new Set([
  'build-essential', 'gcc', 'g++', 'clang', 'make', 'cmake', 'autoconf', 'automake', 'libtool',
  'golang', 'golang-go', 'maven', 'gradle', 'default-jdk', 'default-jdk-headless', 'rustc', 'cargo',
  'build-base', 'alpine-sdk', 'musl-dev', 'gcc-c++', '@development-tools', 'dotnet-sdk',
]);
const JDK_PACKAGE = /^(openjdk-\d+-jdk(-headless)?|openjdk\d+(-jdk)?|java-[\d.]+-openjdk-devel|temurin-\d+-jdk)$/;

/** a JDK package (`openjdk-17-jdk`, Alpine's `openjdk8`, `java-17-openjdk-devel`): its JRE runs the programs */
export function isJdkPackage(word: ShellWord): boolean {
  return JDK_PACKAGE.test(packageName(word) ?? '');
}
const OS_MANAGERS = new Set(['apt-get', 'apt', 'apk', 'dnf', 'yum', 'microdnf', 'zypper']);

/** a package operand's name without its version (`gcc=4:12.2` -> `gcc`, `gcc>=12` -> `gcc`) */
export function packageName(word: ShellWord): string | undefined {
  return word.value?.replace(/[=<>~].*$/, '').toLowerCase();
}

/** OS package removals by program: the subcommands that remove packages */
const REMOVAL_SUBCOMMANDS: ReadonlyMap<string, readonly string[]> = new Map([
  ['apt-get', ['purge', 'remove']], ['apt', ['purge', 'remove']], ['apk', ['del']], ['dnf', ['remove', 'erase']],
  ['yum', ['remove', 'erase']], ['microdnf', ['remove']], ['zypper', ['remove', 'rm']],
]);

/** Names of the packages a command removes (`apt-get purge gcc`, `apk del .build-deps`), without versions. */
export function removedPackageNames(command: ShellCommand): string[] {
  const program = commandName(command);
  const subcommands = program === undefined ? undefined : REMOVAL_SUBCOMMANDS.get(program);
  if (!subcommands || program === undefined) return [];
  const subcommand = subcommandWords(command, program, 1)[0]?.value;
  if (subcommand === undefined || !subcommands.includes(subcommand)) return [];
  return subcommandPositionals(command, program, 1).map(packageName).filter((n): n is string => n !== undefined);
}

/** Names of the packages the RUNs remove (`apt-get purge gcc`, `apk del .build-deps`), without versions. */
export function removedPackages(runs: readonly RunInfo[]): Set<string> {
  const removed = new Set<string>();
  for (const run of runs) for (const command of run.commands) for (const name of removedPackageNames(command)) removed.add(name);
  return removed;
}

/** `apt-get purge --auto-remove`, `apt-get autoremove` (apt too): removes what nothing installed manually needs */
function isAutoRemove(command: ShellCommand): boolean {
  const program = commandName(command);
  if (program !== 'apt-get' && program !== 'apt') return false;
  const sub = subcommandWords(command, program, 1)[0]?.value;
  return sub === 'autoremove' || ((sub === 'purge' || sub === 'remove') && hasFlag(command, 'auto-remove', 'autoremove'));
}

/**
 * The official images' cleanup idiom, in one RUN: `savedAptMark="$(apt-mark showmanual)"`,
 * installs, the build, then `apt-mark auto '.*'`, `apt-mark manual $savedAptMark` and
 * `apt-get purge -y --auto-remove`. Everything the RUN installed before `apt-mark auto` is removed
 * again (what was installed before the RUN is marked manual again and kept; the runtime
 * libraries the build links to are marked manual by name). Returns the offset of `apt-mark
 * auto` when an auto-removal follows it, else undefined.
 */
export function aptAutoRemovalAt(run: RunInfo): number | undefined {
  let markedAt: number | undefined;
  for (const c of run.commands) {
    if (markedAt === undefined) {
      if (isCommand(c, 'apt-mark', 'auto') && subcommandPositionals(c, 'apt-mark', 1).some((w) => w.value === '.*' || w.value === '*')) markedAt = c.start;
    } else if (isAutoRemove(c)) return markedAt;
  }
  return undefined;
}

/**
 * The build-tool packages an install adds that stay: not removed by name (`removed`, from
 * `removedPackages` over the stages), not in an apk virtual package that is deleted
 * (`apk add --virtual .build-deps gcc` ... `apk del .build-deps`), not removed by the
 * apt-mark idiom of its RUN.
 */
export function buildToolsLeft(install: PackageInstall, run: RunInfo, removed: ReadonlySet<string>): ShellWord[] {
  if (flagValues(install.command, 't', 'virtual').some((v) => removed.has(v.toLowerCase()))) return [];
  if (install.manager === 'apt-get' || install.manager === 'apt') {
    const autoAt = aptAutoRemovalAt(run);
    if (autoAt !== undefined && install.command.start < autoAt) return [];
  }
  return buildToolPackages(install).filter((w) => !removed.has(packageName(w) ?? ''));
}

/** The build-tool packages an OS package install adds. */
export function buildToolPackages(install: PackageInstall): ShellWord[] {
  if (!OS_MANAGERS.has(install.manager)) return [];
  return install.packages.filter((w) => {
    const name = packageName(w);
    return name !== undefined && (BUILD_PACKAGES.has(name) || JDK_PACKAGE.test(name));
  });
}

/** A command that builds the project: `npm run build`, `go build`, `mvn package`, `cargo build --release` ... */
export function isBuildCommand(command: ShellCommand): boolean {
  const name = commandName(command);
  switch (name) {
    case 'npm':
    case 'pnpm':
      return isCommand(command, name, 'run', 'build') || isCommand(command, name, 'run-script', 'build');
    case 'yarn':
      return isCommand(command, 'yarn', 'build') || isCommand(command, 'yarn', 'run', 'build');
    case 'go':
      return isCommand(command, 'go', 'build');
    case 'cargo':
      return isCommand(command, 'cargo', 'build');
    case 'mvn':
    case 'mvnw':
      return positionalArgs(command).some((a) => a.value === 'package' || a.value === 'install');
    case 'gradle':
    case 'gradlew':
      return positionalArgs(command).some((a) => /^(build|assemble|jar|bootJar|shadowJar|installDist)$/.test(a.value ?? ''));
    case 'dotnet':
      return ['build', 'publish'].includes(subcommandWords(command, 'dotnet', 1)[0]?.value ?? '');
    default:
      return false;
  }
}
