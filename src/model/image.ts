/** Image references: `[registry/]repository[:tag][@digest]`. */

export interface ImageRef {
  /** the reference after ARG substitution (as written when it could not be resolved) */
  text: string;
  /** true when every variable in it had a known value */
  resolved: boolean;
  registry?: string;
  /** path without registry, e.g. `library/node` is written `node` */
  repository: string;
  tag?: string;
  digest?: string;
  isScratch: boolean;
}

const DOCKER_HUB = /^(docker\.io|index\.docker\.io|registry-1\.docker\.io)$/i;

/**
 * The repository as lists of known images match it, lower-cased: Docker Hub's without its
 * registry and `library/` (`node`, `grafana/k6`), any other with its registry (`gcr.io/distroless/static`).
 */
export function repositoryName(image: ImageRef): string {
  const hub = image.registry === undefined || DOCKER_HUB.test(image.registry);
  return (hub ? image.repository.replace(/^library\//, '') : `${image.registry}/${image.repository}`).toLowerCase();
}

export function parseImageRef(text: string, resolved = true): ImageRef {
  let rest = text;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at !== -1) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let registry: string | undefined;
  const slash = rest.indexOf('/');
  if (slash !== -1) {
    const first = rest.slice(0, slash);
    // the first component is a registry host when it looks like one (docker's rule)
    if (first.includes('.') || first.includes(':') || first === 'localhost') {
      registry = first;
      rest = rest.slice(slash + 1);
    }
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon !== -1 && !rest.slice(colon).includes('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const ref: ImageRef = { text, resolved, repository: rest, isScratch: rest.toLowerCase() === 'scratch' && !registry };
  if (registry !== undefined) ref.registry = registry;
  if (tag !== undefined) ref.tag = tag;
  if (digest !== undefined) ref.digest = digest;
  return ref;
}

/** Windows base images: mcr.microsoft.com/windows/servercore, microsoft/nanoserver, python:3.12-windowsservercore-ltsc2022 ... */
const WINDOWS_REPOSITORY = /(^|[/-])(windows|nanoserver|servercore|windowsservercore)([/-]|$)/i;
const WINDOWS_TAG = /(^|[-.])(nanoserver|servercore|windowsservercore|windows)([-.]|$)/i;

export function isWindowsImage(image: ImageRef): boolean {
  return WINDOWS_REPOSITORY.test(image.repository) || WINDOWS_TAG.test(image.tag ?? '');
}

// the distribution reference grammar (docker's reference package), as regular expressions
const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const DOMAIN_PART = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = `(?:${DOMAIN_PART}(?:\\.${DOMAIN_PART})*|\\[[0-9a-fA-F:]+\\])(?::[0-9]+)?`;
const REFERENCE = new RegExp(
  `^(?:${DOMAIN}/)?${COMPONENT}(?:/${COMPONENT})*(?::[\\w][\\w.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?$`,
);

/** whether `text` parses as an image reference (`[registry/]path[:tag][@digest]`, lower-case path) */
export function isValidImageReference(text: string): boolean {
  if (text.length === 0 || text.length > 255 + 140) return false;
  // a 64-hex name is taken for an image id, not a repository
  if (/^[a-f0-9]{64}$/.test(text)) return false;
  return REFERENCE.test(text);
}

/**
 * Whether the image is a dev container base (`mcr.microsoft.com/devcontainers/*`, the older
 * `mcr.microsoft.com/vscode/devcontainers/*`): an image built on it is a development
 * environment, where tools, docs and recommended packages are wanted.
 */
export function isDevContainerImage(image: ImageRef): boolean {
  return image.resolved && image.registry === 'mcr.microsoft.com' && /^(vscode\/)?devcontainers\//.test(image.repository.toLowerCase());
}

/**
 * Docker Official Images (docker.io/library/*), current and deprecated ones that still pull. A
 * name without a slash and without a registry resolves to docker.io/library/NAME, which exists
 * only for these: any other one-word name is an image the project builds and tags itself.
 */
const OFFICIAL_IMAGES: ReadonlySet<string> = new Set([
  'adminer', 'adoptopenjdk', 'aerospike', 'almalinux', 'alpine', 'alt', 'amazoncorretto', 'amazonlinux', 'api-firewall',
  'arangodb', 'archlinux', 'backdrop', 'bash', 'bonita', 'buildpack-deps', 'busybox', 'caddy', 'cassandra', 'celery',
  'centos', 'chronograf', 'cirros', 'clearlinux', 'clefos', 'clickhouse', 'clojure', 'composer', 'consul', 'convertigo',
  'couchbase', 'couchdb', 'crate', 'crux', 'dart', 'debian', 'django', 'docker', 'drupal', 'eclipse-mosquitto',
  'eclipse-temurin', 'eggdrop', 'elasticsearch', 'elixir', 'emqx', 'erlang', 'euleros', 'fedora', 'flink', 'fluentd',
  'friendica', 'fsharp', 'gazebo', 'gcc', 'geonetwork', 'ghost', 'glassfish', 'golang', 'gradle', 'groovy', 'haproxy',
  'haskell', 'haxe', 'hello-world', 'hitch', 'httpd', 'hylang', 'ibm-semeru-runtimes', 'ibmjava', 'influxdb', 'iojs',
  'irssi', 'java', 'jenkins', 'jetty', 'jobber', 'joomla', 'jruby', 'julia', 'kapacitor', 'kibana', 'kong', 'krakend',
  'lightstreamer', 'liquibase', 'logstash', 'mageia', 'mariadb', 'matomo', 'maven', 'mediawiki', 'memcached', 'mongo',
  'mongo-express', 'monica', 'mono', 'mysql', 'nats', 'nats-streaming', 'neo4j', 'neurodebian', 'nextcloud', 'nginx',
  'node', 'notary', 'nuxeo', 'odoo', 'open-liberty', 'openjdk', 'opensuse', 'oraclelinux', 'orientdb', 'owncloud',
  'percona', 'perl', 'photon', 'php', 'php-zendserver', 'phpmyadmin', 'piwik', 'plone', 'postfixadmin', 'postgres',
  'pypy', 'python', 'r-base', 'rabbitmq', 'rails', 'rakudo-star', 'redis', 'redmine', 'registry', 'rethinkdb',
  'rocket.chat', 'rockylinux', 'ros', 'ruby', 'rust', 'sapmachine', 'satosa', 'sentry', 'silverpeas', 'sl', 'solr',
  'sonarqube', 'sourcemage', 'spark', 'spiped', 'storm', 'swarm', 'swift', 'swipl', 'teamspeak', 'telegraf', 'thrift',
  'tomcat', 'tomee', 'traefik', 'ubuntu', 'unit', 'varnish', 'vault', 'websphere-liberty', 'wordpress', 'xwiki',
  'yourls', 'znc', 'zookeeper',
]);

/** a Docker Official Image (`node`, `library/node`, `docker.io/library/node`) */
export function isOfficialImage(image: ImageRef): boolean {
  if (image.registry !== undefined && image.registry !== 'docker.io') return false;
  const name = image.registry === 'docker.io' || image.repository.startsWith('library/') ? image.repository.replace(/^library\//, '') : image.repository;
  return OFFICIAL_IMAGES.has(name);
}

/**
 * A one-word name that is not an official image (`FROM bats-jenkins`, `FROM iis`): Docker Hub
 * cannot serve it, so the build uses an image the project built and tagged locally.
 */
export function isLocalImageName(image: ImageRef): boolean {
  if (image.registry !== undefined || image.repository.includes('/') || image.isScratch) return false;
  return !OFFICIAL_IMAGES.has(image.repository);
}

/** distroless images: tags are only latest, nonroot, debug and debug-nonroot; the Debian release is in the name */
const DISTROLESS = /^(gcr\.io|cgr\.dev)\/distroless\//;
/** repositories that name their OS release: ubi9-minimal, ubi8/ubi, rhel7, static-debian12 */
const RELEASE_IN_NAME = /(^|\/)(ubi\d+|rhel\d+)([/-]|$)|-debian\d+$/;

/**
 * how the image names its release when its repository does, instead of a tag: `release` for
 * Red Hat's UBI and RHEL repositories (`redhat/ubi9-minimal`: untagged is that major's latest
 * update, like a major tag) and distroless names with their Debian release; `none-possible`
 * for a distroless name without one (distroless publishes no version tags at all)
 */
export function releaseNaming(image: ImageRef): 'release' | 'none-possible' | undefined {
  const path = image.registry !== undefined ? `${image.registry}/${image.repository}` : image.repository;
  if (RELEASE_IN_NAME.test(path)) return 'release';
  return DISTROLESS.test(path) ? 'none-possible' : undefined;
}
