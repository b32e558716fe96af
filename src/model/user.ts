/**
 * Who a stage runs as, and what distribution it is built on: the last USER of the stage
 * or of the stages it builds on, and a small known list of base images that already run
 * as a non-root user. Used by `missing-user` and `user-root` and their fixes.
 */
import type { Instruction, StringInstruction } from '../parser/ast.ts';
import type { TextEdit } from '../linter/types.ts';
import { isOfficialImage, type ImageRef } from './image.ts';
import type { DockerfileModel, Stage } from './model.ts';

/**
 * Images that set a non-root USER themselves. Matched on the repository (registry included
 * for non-Docker Hub images) and tag; kept short and to images that document it.
 */
const NON_ROOT_IMAGES: readonly { repository: RegExp; tag?: RegExp }[] = [
  // distroless: `:nonroot`, `:debug-nonroot`, `:latest-nonroot`, ...
  { repository: /(^|\/)distroless\//, tag: /(^|-)nonroot$/ },
  // Chainguard images run as 65532 (nonroot) by default
  { repository: /^cgr\.dev\/chainguard\// },
  // NGINX's unprivileged build, Bitnami images (uid 1001)
  { repository: /^nginxinc\/nginx-unprivileged$/ },
  { repository: /^bitnami\// },
  // any tag or repository that says so
  { repository: /./, tag: /(^|[-_.])(nonroot|non-root|rootless|unprivileged)([-_.]|$)/ },
  { repository: /(^|[-_/])(nonroot|non-root|rootless|unprivileged)([-_/]|$)/ },
];

/** repository with its registry, as the list above matches it */
function qualified(image: ImageRef): string {
  return (image.registry ? `${image.registry}/${image.repository}` : image.repository).toLowerCase();
}

/** Whether the base image is known to run as a non-root user already. */
export function imageRunsAsNonRoot(image: ImageRef): boolean {
  if (!image.resolved) return false;
  const repository = qualified(image);
  const tag = image.tag?.toLowerCase();
  return NON_ROOT_IMAGES.some((k) => k.repository.test(repository) && (k.tag === undefined || (tag !== undefined && k.tag.test(tag))));
}

/** official images whose Dockerfile ends with a non-root USER */
const OFFICIAL_NON_ROOT = new Set(['jenkins', 'sonarqube', 'elasticsearch', 'kibana', 'logstash', 'solr', 'odoo', 'nuxeo', 'geonetwork', 'silverpeas']);

/**
 * Whether the image is known to run as root: a Docker Official Image (they run as root and drop
 * privileges in their entrypoints) other than the few that set a USER. Other images: unknown.
 */
export function imageRunsAsRoot(image: ImageRef): boolean {
  if (!image.resolved || !isOfficialImage(image) || imageRunsAsNonRoot(image)) return false;
  return !OFFICIAL_NON_ROOT.has(image.repository.replace(/^library\//, ''));
}

/** The stage and the stages it builds on (`FROM build`), nearest first. */
export function stageChain(stage: Stage): Stage[] {
  const chain: Stage[] = [];
  for (let s: Stage | undefined = stage; s && !chain.includes(s); s = s.baseStage) chain.push(s);
  return chain;
}

/** The USER in effect at the end of the stage (its own or inherited from a parent stage), ONBUILD triggers aside. */
export function effectiveUser(stage: Stage): StringInstruction | undefined {
  for (const s of stageChain(stage)) {
    for (let i = s.instructions.length - 1; i >= 0; i--) {
      const ins = s.instructions[i]!;
      if (ins.keyword === 'USER') return ins as StringInstruction;
    }
  }
  return undefined;
}

/** A USER value naming root: `root`, `0`, `root:group`, `0:0`. */
export function isRootUser(value: string): boolean {
  const user = value.split(':')[0]!.trim();
  return user === 'root' || user === '0';
}

export type Distro = 'debian' | 'alpine' | 'rhel' | 'distroless' | 'scratch';

const ALPINE_TAG = /(^|-)alpine/;
const DEBIAN_REPOS = /^(library\/)?(debian|ubuntu|buildpack-deps|node|python|ruby|golang|rust|php|perl|openjdk|eclipse-temurin|maven|gradle|httpd|nginx|postgres|mariadb|redis|elixir|erlang|haskell|julia|r-base|swift|gcc|clojure)$/;
const DEBIAN_TAG = /(^|-)(bookworm|bullseye|buster|stretch|trixie|jammy|focal|noble|bionic|slim)(-|$)/;
const RHEL_REPOS = /^(library\/)?(fedora|centos|rockylinux|almalinux|oraclelinux)$|^(rockylinux|almalinux)\/|(^|\/)(ubi\d*|ubi\d*-init)$/;
const PACKAGE_DISTRO: Readonly<Record<string, Distro>> = {
  'apt-get': 'debian', apt: 'debian', apk: 'alpine', dnf: 'rhel', yum: 'rhel',
};

/**
 * The distribution a stage runs on, from its base image or the package manager its RUNs use;
 * undefined when unknown (minimal images without useradd, Windows, custom bases).
 */
export function stageDistro(model: DockerfileModel, stage: Stage): Distro | undefined {
  const chain = stageChain(stage);
  const root = chain[chain.length - 1]!;
  const image = root.image;
  if (image.resolved && !root.baseStage) {
    const repository = qualified(image);
    const tag = image.tag?.toLowerCase() ?? '';
    if (image.isScratch) return 'scratch';
    if (/(^|\/)distroless\//.test(repository)) return 'distroless';
    if (/(^|\/)alpine$/.test(repository) || ALPINE_TAG.test(tag)) return 'alpine';
    if (/(^|\/)(ubi\d*-(minimal|micro))$/.test(repository)) return undefined;
    if (RHEL_REPOS.test(repository)) return 'rhel';
    if (DEBIAN_REPOS.test(repository) || DEBIAN_TAG.test(tag)) return 'debian';
  }
  for (const s of chain) {
    for (const ins of s.instructions) {
      for (const install of model.run(ins)?.installs ?? []) {
        const distro = PACKAGE_DISTRO[install.manager];
        if (distro) return distro;
      }
    }
  }
  return undefined;
}

/** The numeric user distroless's `nonroot` account uses; works where no user database exists. */
export const NUMERIC_NON_ROOT_USER = '65532';

/**
 * Instructions that create an unprivileged system user `app` and switch to it, for the distro;
 * undefined when the distro is unknown. Lines are joined with `eol` and end with it.
 */
export function nonRootUserInstructions(distro: Distro | undefined, eol: string): string | undefined {
  switch (distro) {
    case 'debian':
    case 'rhel':
      return `RUN groupadd --system app && useradd --system --gid app --no-create-home --shell /usr/sbin/nologin app${eol}USER app${eol}`;
    case 'alpine':
      return `RUN addgroup -S app && adduser -S -D -H -G app app${eol}USER app${eol}`;
    case 'distroless':
    case 'scratch':
      return `USER ${NUMERIC_NON_ROOT_USER}${eol}`;
    default:
      return undefined;
  }
}

/**
 * The edit that creates an unprivileged user and switches to it in `stage`: before the
 * first CMD/ENTRYPOINT after `after` (or in the stage), else at the end of the stage.
 * Undefined when the distro is unknown (no way to know the right commands).
 */
export function switchUserEdit(model: DockerfileModel, stage: Stage, after?: Instruction): TextEdit | undefined {
  const source = model.df.source;
  const eol = source.indexOf('\r\n') !== -1 ? '\r\n' : '\n';
  const lines = nonRootUserInstructions(stageDistro(model, stage), eol);
  if (lines === undefined) return undefined;
  const from = after ? stage.instructions.indexOf(after) + 1 : 0;
  const command = stage.instructions.slice(from).find((ins) => ins.keyword === 'CMD' || ins.keyword === 'ENTRYPOINT');
  if (command) {
    const at = model.df.lines.offsetAt(model.df.lines.position(command.start).line, 1);
    return { start: at, end: at, text: lines };
  }
  const last = stage.instructions[stage.instructions.length - 1] ?? stage.from;
  const endsLine = /\n$/.test(source.slice(last.start, last.fullEnd));
  return { start: last.fullEnd, end: last.fullEnd, text: endsLine ? lines : `${eol}${lines}` };
}
