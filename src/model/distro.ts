/**
 * The distribution a stage runs on, and which implementation of the base tools that gives it:
 * `/bin/sh` (dash on Debian and Ubuntu, bash on the RHEL family, BusyBox ash on Alpine) and
 * `wget` (BusyBox's on Alpine unless GNU wget is installed). Known from the base image's name,
 * else from the package manager the stage's RUNs use.
 */
import type { Instruction } from '../parser/ast.ts';
import { repositoryName, type ImageRef } from './image.ts';
import type { DockerfileModel, Stage } from './model.ts';
import { alongChain, anyAlongChain, rootStage, stageHolding } from './stage-chain.ts';

export type Distro = 'alpine' | 'busybox' | 'debian' | 'ubuntu' | 'rhel' | 'distroless' | 'scratch';

/** official language and service images whose default variants are Debian */
const DEBIAN_BASED = /^(buildpack-deps|node|python|ruby|golang|rust|php|perl|openjdk|maven|gradle|httpd|nginx|postgres|mariadb|mysql|redis|mongo|elixir|erlang|haskell|julia|r-base|swift|gcc|clojure|pypy|groovy|kotlin)$/;
const DEBIAN_CODENAMES = /(^|-)(bookworm|bullseye|buster|stretch|jessie|trixie|forky|sid)(-|$)/;
const UBUNTU_CODENAMES = /(^|-)(jammy|focal|noble|bionic|xenial|oracular|plucky|questing|resolute)(-|$)/;
const RHEL_REPOS = /^(fedora|centos|rockylinux|almalinux|oraclelinux|amazonlinux|redhat\/ubi\d+|ubi\d+\/ubi|rockylinux\/rockylinux|almalinux\/almalinux|quay\.io\/centos\/centos|registry\.access\.redhat\.com\/ubi\d+(\/ubi)?)$/;
const PACKAGE_DISTRO: Readonly<Record<string, Distro>> = { 'apt-get': 'debian', apt: 'debian', apk: 'alpine', dnf: 'rhel', yum: 'rhel', microdnf: 'rhel' };

/** The distribution of an external image, from its name; undefined when the name does not say. */
export function imageDistro(image: ImageRef): Distro | undefined {
  if (!image.resolved) return undefined;
  if (image.isScratch) return 'scratch';
  const repository = repositoryName(image);
  const tag = (image.tag ?? '').toLowerCase();
  if (/(^|\/)distroless\//.test(repository)) return 'distroless';
  if (repository === 'alpine' || /(^|-)alpine/.test(tag)) return 'alpine';
  if (repository === 'busybox') return 'busybox';
  if (repository === 'ubuntu' || UBUNTU_CODENAMES.test(tag)) return 'ubuntu';
  if (repository === 'debian' || DEBIAN_CODENAMES.test(tag)) return 'debian';
  if (RHEL_REPOS.test(repository)) return 'rhel';
  // the default variants of official images (`python:3.12`, `node:22-slim`) are Debian
  if (DEBIAN_BASED.test(repository) && !/windows|nanoserver|servercore/.test(tag)) return 'debian';
  return undefined;
}

/** The distribution a stage runs on: its root image's, else the package manager its RUNs use. */
export function stageDistro(model: DockerfileModel, stage: Stage): Distro | undefined {
  return imageDistro(rootStage(stage).image) ?? distroOfInstalls(stage, model);
}

/** the distribution of the first package manager a RUN uses, in the stage, else in the stages it builds on */
const distroOfInstalls = alongChain<Distro | undefined, [DockerfileModel]>((stage, fromBase, model) => {
  for (const ins of stage.instructions) {
    for (const install of model.run(ins)?.installs ?? []) {
      const distro = PACKAGE_DISTRO[install.manager];
      if (distro) return distro;
    }
  }
  return fromBase;
});

/**
 * Whether `set -o pipefail` works in the stage's `/bin/sh`: BusyBox ash (Alpine, busybox) and
 * bash (the RHEL family) take it, and so does dash from Debian 13 (trixie) on; the dash of
 * Debian 12 and of Ubuntu (22.04, 24.04) stop with "Illegal option -o pipefail" (checked by
 * running them). Undefined when the distribution is not known.
 */
export function shTakesPipefail(model: DockerfileModel, stage: Stage): boolean | undefined {
  const distro = stageDistro(model, stage);
  switch (distro) {
    case 'alpine':
    case 'busybox':
    case 'rhel':
      return true;
    case 'debian': {
      const image = rootStage(stage).image;
      const tag = (image.tag ?? '').toLowerCase();
      return /(^|-)(trixie|forky)(-|$)/.test(tag) || (repositoryName(image) === 'debian' && /^1[3-9]\b/.test(tag)) ? true : undefined;
    }
    case 'ubuntu':
      return false;
    default:
      return undefined;
  }
}

/**
 * Whether `wget` in the stage, at instruction `at`, is BusyBox's: an Alpine or busybox stage
 * where no earlier RUN installs GNU wget (`apk add wget`).
 */
export function wgetIsBusybox(model: DockerfileModel, stage: Stage, at: Instruction): boolean {
  const distro = stageDistro(model, stage);
  if (distro !== 'alpine' && distro !== 'busybox') return false;
  // the stage that holds `at`, up to `at`; the stages it builds on whole
  const own = stageHolding(model, at, stage);
  if (own.baseStage && installsGnuWget(own.baseStage, model)) return false;
  for (const ins of own.instructions) {
    if (ins === at) return true;
    if (installsGnuWgetIn(model, ins)) return false;
  }
  return true;
}

function installsGnuWgetIn(model: DockerfileModel, ins: Instruction): boolean {
  return model.run(ins)?.installs.some((i) => i.manager === 'apk' && i.packages.some((p) => /^wget([=<>~].*)?$/.test(p.value ?? ''))) === true;
}
const installsGnuWget = anyAlongChain((stage: Stage, model: DockerfileModel) => stage.instructions.some((ins) => installsGnuWgetIn(model, ins)));
