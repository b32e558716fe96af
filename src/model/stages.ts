/** Relations between stages that several rules ask about. */
import type { ImageRef } from './image.ts';
import type { DockerfileModel, Stage } from './model.ts';
import { stageChain } from './user.ts';

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
  return stage === undefined || (model.finalStage !== undefined && stageChain(model.finalStage).includes(stage));
}

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
