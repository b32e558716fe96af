/**
 * Who a stage runs as: the last USER of the stage or of the stages it builds on, and a small
 * known list of base images that already run as a non-root user. Used by `missing-user` and `user-root`.
 */
import type { Instruction, StringInstruction } from '../parser/ast.ts';
import type { TextEdit } from '../linter/types.ts';
import { isOfficialImage, repositoryName, type ImageRef } from './image.ts';
import type { DockerfileModel, Stage } from './model.ts';
import { alongChain, rootStage, stageHolding } from './stage-chain.ts';

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
  // Docker Hardened Images: runtime variants run as nonroot, `-dev` variants as root
  { repository: /^dhi\.io\//, tag: /^(?!(.*-)?dev(-|$))/ },
  // .NET's chiseled and distroless images run as `app` (uid 1654)
  { repository: /^mcr\.microsoft\.com\/dotnet\//, tag: /chiseled|distroless/ },
  // images that end with a USER of their own (documented on their pages)
  { repository: /^(memcached|haproxy|solr|sonarqube)$/ },
  { repository: /^(jenkins\/(jenkins|inbound-agent|agent)|grafana\/(grafana|k6|loki|tempo|mimir)|apache\/airflow|nodered\/node-red|sonatype\/nexus3)$/ },
  { repository: /^(cimg|circleci)\/|^gitpod\/workspace-/ },
  { repository: /^(quay\.io\/)?jupyter\// },
  { repository: /^docker\.elastic\.co\/(elasticsearch|kibana|logstash|beats)\// },
  // any tag or repository that says so
  { repository: /./, tag: /(^|[-_.])(nonroot|non-root|rootless|unprivileged)([-_.]|$)/ },
  { repository: /(^|[-_/])(nonroot|non-root|rootless|unprivileged)([-_/]|$)/ },
];

/** Whether the base image is known to run as a non-root user already. */
export function imageRunsAsNonRoot(image: ImageRef): boolean {
  if (!image.resolved) return false;
  const repository = repositoryName(image);
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

/** the stage's own last USER */
function lastUser(stage: Stage): StringInstruction | undefined {
  for (let i = stage.instructions.length - 1; i >= 0; i--) {
    const ins = stage.instructions[i]!;
    if (ins.keyword === 'USER') return ins as StringInstruction;
  }
  return undefined;
}

/** The USER in effect at the end of the stage (its own or inherited from a parent stage), ONBUILD triggers aside. */
export const effectiveUser = alongChain<StringInstruction | undefined, []>((stage, fromBase) => lastUser(stage) ?? fromBase);

/** A USER value naming root: `root`, `0`, `root:group`, `0:0`. */
export function isRootUser(value: string): boolean {
  const user = value.split(':')[0]!.trim();
  return user === 'root' || user === '0';
}

/**
 * Whether the stage is built on scratch or distroless: images that hold little more than the
 * program copied into them, without a shell or user tools.
 */
export function isMinimalImage(stage: Stage): boolean {
  const image = rootStage(stage).image;
  return image.resolved && (image.isScratch || /(^|\/)distroless\//.test(repositoryName(image)));
}

/** The numeric user distroless's `nonroot` account uses; works where no user database exists. */
export const NUMERIC_NON_ROOT_USER = '65532';

/**
 * The last non-root USER before `root` in the stage and the stages it builds on: the user the
 * image ran as before it switched to root (`USER app` ... `USER root` to install something).
 */
export function userBefore(model: DockerfileModel, stage: Stage, root: Instruction): string | undefined {
  // the stage that holds `root`, from its start; before it, what its base ends with
  const own = stageHolding(model, root, stage);
  let found = own.baseStage && nonRootUserAtEnd(own.baseStage, model);
  for (const ins of own.instructions) {
    if (ins === root) break;
    if (ins.keyword === 'USER') found = nonRootUser(model, ins as StringInstruction);
  }
  return found;
}

/** the USER's text when it names a user other than root; undefined for root or an unknown value */
function nonRootUser(model: DockerfileModel, ins: StringInstruction): string | undefined {
  const value = model.info(ins).scope.expand(ins.argument?.raw ?? '').value;
  return value !== undefined && value !== '' && !isRootUser(value) ? ins.argument!.raw : undefined;
}

/** nonRootUser of the USER in effect at the end of the stage */
const nonRootUserAtEnd = alongChain<string | undefined, [DockerfileModel]>((stage, fromBase, model) => {
  const user = lastUser(stage);
  return user ? nonRootUser(model, user) : fromBase;
});
