/** Relations between stages that several rules ask about. */
import type { CommandInstruction } from '../parser/ast.ts';
import { isToolchainImage } from './build-tools.ts';
import type { ImageRef } from './image.ts';
import type { DockerfileModel, Stage } from './model.ts';
import { stageChain } from './stage-chain.ts';
import { perModel } from './per-model.ts';

/** every stage that builds on `stage` or copies from it, directly or through other stages */
export function stageDependents(stage: Stage): Set<Stage> {
  const seen = new Set<Stage>();
  const pending = [...stage.usedBy];
  for (let next = pending.pop(); next; next = pending.pop()) {
    if (seen.has(next) || next === stage) continue;
    seen.add(next);
    pending.push(...next.usedBy);
  }
  return seen;
}

/**
 * whether a stage's layers end up in the built image: the last stage and the stages it is built
 * `FROM`, directly or through others (instructions before any FROM count too). A stage that is
 * only copied from leaves its layers behind.
 */
export function shipsInImage(model: DockerfileModel, stage: Stage | undefined): boolean {
  return stage === undefined || shippedStages(model).has(stage);
}
// one set per model: the final stage's chain searched per instruction was O(stages) each
const shippedStages = perModel((model) => new Set(model.finalStage ? stageChain(model.finalStage) : []));

/** whether a later stage is built `FROM` this one (so its files end up in that image) */
export function isBuiltUpon(stage: Stage): boolean {
  for (const s of stage.usedBy) if (s.baseStage === stage) return true;
  return false;
}

/** the external image a stage finally starts from (`FROM build` is followed to build's base) */
export function stageRootImage(stage: Stage): ImageRef {
  let current = stage;
  const seen = new Set<Stage>();
  while (current.baseStage && !seen.has(current)) {
    seen.add(current);
    current = current.baseStage;
  }
  return current.image;
}

/** Debian, Ubuntu and RHEL-family images: they ship bash */
const BASH_DISTROS = new Set([
  'debian', 'ubuntu', 'buildpack-deps', 'centos', 'fedora', 'rockylinux', 'almalinux', 'oraclelinux', 'amazonlinux',
  'redhat/ubi8', 'redhat/ubi9', 'redhat/ubi10', 'ubi8/ubi', 'ubi9/ubi', 'rockylinux/rockylinux', 'almalinux/almalinux',
]);
/** official language images whose default variants are Debian (or Ubuntu) based */
const DEBIAN_BASED_LANGUAGE_IMAGES = new Set([
  'node', 'python', 'golang', 'ruby', 'php', 'perl', 'rust', 'openjdk', 'eclipse-temurin', 'maven', 'gradle',
  'elixir', 'erlang', 'haskell', 'julia', 'r-base', 'swift', 'gcc', 'clojure',
]);
/** tag words of variants without bash (or without a POSIX shell at all) */
const NO_BASH_VARIANT = /alpine|busybox|distroless|windows|nanoserver|servercore|ltsc|musl|wolfi|chainguard/i;

/**
 * Whether the image certainly has bash at /bin/bash: only well-known Debian/Ubuntu/RHEL-family
 * bases and the Debian variants of official language images. Unknown images answer false.
 */
export function imageHasBash(image: ImageRef): boolean {
  if (!image.resolved || image.isScratch) return false;
  const registry = image.registry;
  if (registry !== undefined && registry !== 'docker.io' && registry !== 'registry.access.redhat.com') return false;
  const repository = image.repository.replace(/^library\//, '').toLowerCase();
  if (NO_BASH_VARIANT.test(image.tag ?? '') || NO_BASH_VARIANT.test(repository)) return false;
  return BASH_DISTROS.has(repository) || DEBIAN_BASED_LANGUAGE_IMAGES.has(repository);
}

const SHELLS = /^(ba|z|a|da|k|mk)?sh$/;
const basename = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

/** the argv of a CMD / ENTRYPOINT (a shell-form one runs `/bin/sh -c TEXT`) */
function argvOf(ins: CommandInstruction): string[] {
  const command = ins.command;
  if (!command) return [];
  return command.kind === 'exec' ? command.elements.map((e) => e.value) : ['/bin/sh', '-c', command.text];
}

/** a shell with no script (`bash`, `/bin/bash -i -c` waiting for one), or a keep-alive (`sleep infinity`, `tail -f /dev/null`) */
function runsNothingOfItsOwn(argv: readonly string[]): boolean {
  const program = basename(argv[0] ?? '');
  if (program === '') return true;
  if (program === 'sleep') return true;
  if (program === 'tail') return argv.includes('-f') && argv.includes('/dev/null');
  if (!SHELLS.test(program)) return false;
  const rest = argv.slice(1);
  const c = rest.findIndex((a) => /^-[a-z]*c[a-z]*$/.test(a));
  if (c === -1) return rest.every((a) => a.startsWith('-'));
  const script = rest.slice(c + 1).find((a) => !a.startsWith('-'));
  return script === undefined || runsNothingOfItsOwn(script.trim().split(/\s+/));
}

/**
 * Whether the image runs a program of its own: the ENTRYPOINT and CMD in effect at the end of
 * the stage (its own or from a stage it builds on; ONBUILD triggers aside) start something
 * other than a bare shell or a keep-alive. One that does not is a base, toolchain, CI or
 * dev-container image.
 */
export function runsOwnProgram(stage: Stage): boolean {
  let entrypoint: CommandInstruction | undefined;
  let cmd: CommandInstruction | undefined;
  const seen = new Set<Stage>();
  for (let s: Stage | undefined = stage; s && !seen.has(s); s = s.baseStage) {
    seen.add(s);
    for (let i = s.instructions.length - 1; i >= 0; i--) {
      const ins = s.instructions[i]!;
      if (ins.keyword === 'ENTRYPOINT') entrypoint ??= ins as CommandInstruction;
      else if (ins.keyword === 'CMD') cmd ??= ins as CommandInstruction;
    }
  }
  return !runsNothingOfItsOwn([...(entrypoint ? argvOf(entrypoint) : []), ...(cmd ? argvOf(cmd) : [])]);
}

/**
 * Whether the final image is a build environment rather than an application: it runs no program
 * of its own (`runsOwnProgram`) and it builds on a toolchain image (`isToolchainImage`) or on one a
 * build argument names (`FROM ${BASE}`, as CI and cross-build images do). Their users rely on what
 * is installed, and on what packages recommend.
 */
export function isEnvironmentImage(stage: Stage): boolean {
  if (runsOwnProgram(stage)) return false;
  const root = stageRootImage(stage);
  return !root.resolved || isToolchainImage(root);
}
