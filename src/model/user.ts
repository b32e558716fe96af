/**
 * Who a stage runs as: the last USER of the stage or of the stages it builds on, and a small
 * known list of base images that already run as a non-root user. Used by `missing-user` and `user-root`.
 */
import type { Instruction, StringInstruction } from '../parser/ast.ts';
import type { TextEdit } from '../linter/types.ts';
import { isOfficialImage, repositoryName, type ImageRef } from './image.ts';
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

/** The stage and the stages it builds on (`FROM build`), nearest first. */
export function stageChain(stage: Stage): Stage[] {
  const chain: Stage[] = [];
  // a Set, not chain.includes: that made each call O(depth^2)
  const seen = new Set<Stage>();
  for (let s: Stage | undefined = stage; s && !seen.has(s); s = s.baseStage) {
    seen.add(s);
    chain.push(s);
  }
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

/**
 * Whether the stage is built on scratch or distroless: images that hold little more than the
 * program copied into them, without a shell or user tools.
 */
export function isMinimalImage(stage: Stage): boolean {
  const chain = stageChain(stage);
  const image = chain[chain.length - 1]!.image;
  return image.resolved && (image.isScratch || /(^|\/)distroless\//.test(repositoryName(image)));
}

/** The numeric user distroless's `nonroot` account uses; works where no user database exists. */
export const NUMERIC_NON_ROOT_USER = '65532';

/**
 * The last non-root USER before `root` in the stage and the stages it builds on: the user the
 * image ran as before it switched to root (`USER app` ... `USER root` to install something).
 */
export function userBefore(model: DockerfileModel, stage: Stage, root: Instruction): string | undefined {
  let found: string | undefined;
  for (const s of stageChain(stage).reverse()) {
    for (const ins of s.instructions) {
      if (ins === root) return found;
      if (ins.keyword !== 'USER') continue;
      const value = model.info(ins).scope.expand((ins as StringInstruction).argument?.raw ?? '').value;
      found = value !== undefined && value !== '' && !isRootUser(value) ? (ins as StringInstruction).argument!.raw : undefined;
    }
  }
  return found;
}
