/**
 * Build tooling: SDK base images, compiler packages and build commands. A final image that
 * carries them is bigger and has more to attack than the program needs to run.
 */
import type { ImageRef } from './image.ts';
import { commandName, isCommand, positionalArgs, subcommandPositionals, subcommandWords } from './shell/commands.ts';
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

/** compiler and SDK packages of the OS package managers (names without version) */
const BUILD_PACKAGES = new Set([
  'build-essential', 'gcc', 'g++', 'clang', 'make', 'cmake', 'autoconf', 'automake', 'libtool',
  'golang', 'golang-go', 'maven', 'gradle', 'default-jdk', 'default-jdk-headless', 'rustc', 'cargo',
  'build-base', 'alpine-sdk', 'musl-dev', 'gcc-c++', '@development-tools', 'dotnet-sdk',
]);
const JDK_PACKAGE = /^(openjdk-\d+-jdk(-headless)?|openjdk\d+(-jdk)?|java-[\d.]+-openjdk-devel|temurin-\d+-jdk)$/;
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
