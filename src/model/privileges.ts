/**
 * How the container of a stage starts, and what that says about the user it should run as:
 * the command it starts (ENTRYPOINT and CMD), whether that command switches to an unprivileged
 * user itself (gosu, su-exec, setpriv, a daemon that drops privileges by design), and whether
 * the image is a base meant to be built FROM rather than a program to run.
 * `missing-user` and `user-root` read it.
 */
import type { CommandInstruction, CopyInstruction, ExposeInstruction, Instruction, KeyValueInstruction } from '../parser/ast.ts';
import { baseImageConfig } from './base-image.ts';
import { repositoryName, type ImageRef } from './image.ts';
import type { DockerfileModel, Stage } from './model.ts';
import { analyseRun } from './run.ts';
import { commandName, unwrap, type ShellCommand } from './shell/index.ts';
import { alongChain, anyAlongChain, rootStage } from './stage-chain.ts';
import { imageRunsAsNonRoot, isRootUser } from './user.ts';

/**
 * Whether the image a stage starts from (through `FROM <stage>` chains) runs as a non-root user:
 * the User of its config when the image is resolved (the image's word, also when it says root:
 * a `-dev` variant of a non-root family runs as root), else the images known by name to do so.
 */
export function baseRunsAsNonRoot(model: DockerfileModel, stage: Stage): boolean {
  const config = baseImageConfig(model, stage);
  if (config) return config.user.trim() !== '' && !isRootUser(config.user);
  return imageRunsAsNonRoot(rootStage(stage).image);
}

/** the ENTRYPOINT and CMD in effect at the end of the stage (inherited from the stages it builds on) */
export interface StartCommand {
  entrypoint?: CommandInstruction;
  cmd?: CommandInstruction;
}

export const startCommand = alongChain<Readonly<StartCommand>, []>((stage, fromBase) => {
  let entrypoint: CommandInstruction | undefined;
  let cmd: CommandInstruction | undefined;
  for (const ins of stage.instructions) {
    if (ins.keyword === 'ENTRYPOINT') entrypoint = ins as CommandInstruction;
    else if (ins.keyword === 'CMD') cmd = ins as CommandInstruction;
  }
  // the stage's last of each is in effect; an ENTRYPOINT resets a CMD of an earlier stage (BuildKit
  // keeps the CMD of its own stage, before or after it), so the base's count only without one
  const found: StartCommand = entrypoint ? {} : { ...fromBase };
  if (entrypoint) found.entrypoint = entrypoint;
  if (cmd) found.cmd = cmd;
  return found;
});

/** the commands of a start instruction, `sh -c` strings parsed; none for `[]` (a reset) */
function commandsOf(ins: CommandInstruction | undefined, stage: Stage): ShellCommand[] {
  if (!ins?.command || (ins.command.kind === 'exec' && ins.command.elements.length === 0)) return [];
  return analyseRun(ins, stage.shell).commands;
}

/** the commands the container starts with (ENTRYPOINT's, then CMD's) */
export function startCommands(stage: Stage): ShellCommand[] {
  const { entrypoint, cmd } = startCommand(stage);
  return [...commandsOf(entrypoint, stage), ...commandsOf(cmd, stage)];
}

/**
 * Programs that run another program as another user (`gosu app cmd`, `su-exec`, `setpriv
 * --reuid`, `chroot --userspec`, ...): an entrypoint that uses one starts as root on purpose.
 */
const USER_SWITCHERS = new Set([
  'gosu', 'su-exec', 'setpriv', 'runuser', 'su', 'sudo', 'doas', 'chroot', 's6-setuidgid', 's6-applyuidgid',
  'setuidgid', 'chpst', 'capsh', 'start-stop-daemon',
]);

/**
 * Servers that start as root and hand their work to an unprivileged user by design (master
 * process as root to bind ports and read keys, workers as `www-data`, `nginx`, `mysql` ...),
 * servers that refuse to run as root (so a working image must switch before them), and init
 * systems that start each service as the user it is configured with.
 */
const SELF_DROPPING = new Set([
  'nginx', 'openresty', 'apache2', 'apache2ctl', 'apache2-foreground', 'httpd', 'httpd-foreground', 'apachectl', 'lighttpd',
  'php-fpm', 'sshd', 'postfix', 'master', 'dovecot', 'exim', 'haproxy', 'squid', 'named', 'dnsmasq', 'unbound',
  'vsftpd', 'proftpd', 'pure-ftpd', 'varnishd', 'mysqld', 'mysqld_safe', 'mariadbd', 'cupsd', 'slapd', 'smbd', 'nmbd',
  'chronyd', 'ntpd', 'rsyslogd', 'syslog-ng', 'cron', 'crond', 'openvpn', 'pdns_server', 'kamailio', 'asterisk', 'mosquitto',
  'postgres', 'pg_ctl', 'memcached', 'elasticsearch',
  'supervisord', 'init', 'systemd', 's6-svscan', 'runsvdir', 'my_init', 'runit',
]);
/** `php-fpm8.2`, `php-fpm7` */
const PHP_FPM = /^php-?fpm[0-9.]*$/;

function dropsBySelf(program: string | undefined): boolean {
  return program !== undefined && (USER_SWITCHERS.has(program) || SELF_DROPPING.has(program) || PHP_FPM.test(program));
}

/**
 * Official images whose entrypoint switches to the service's user (gosu, su-exec, setpriv): a
 * Dockerfile built on one that keeps that entrypoint, or starts a script (which chains to it),
 * runs the service unprivileged.
 */
const DROPPING_ENTRYPOINT_IMAGES = /^(postgres|postgis\/postgis|mysql|mariadb|percona|mongo|redis|valkey\/valkey|rabbitmq|cassandra|couchdb|neo4j|zookeeper|elasticsearch|kibana|logstash|ghost|consul|vault|hashicorp\/(consul|vault)|flink|storm|telegraf|influxdb|eclipse-mosquitto|nextcloud|wordpress|drupal|joomla|matomo|friendica|php|httpd|nginx|jetty|tomcat-native)$/;

/** packages whose only use is switching user in an entrypoint, or supervising services as their users */
const USER_SWITCH_PACKAGES = /^(gosu|su-exec|suexec|chpst|runit|s6|s6-overlay|setpriv|supervisor)([=<>:@].*)?$/;
const USER_SWITCH_BINARY = /(^|\/)(gosu|su-exec)$/;
/** a script started by the container (its content is not known here) */
const SCRIPT = /\.(sh|bash)$|(^|[-_/])(entrypoint|start|startup|run|init|boot|launch)([-_.]|$)/i;
const USER_ADDERS = new Set(['useradd', 'adduser']);
const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh']);
/** ENV/ARG names an entrypoint reads to choose the user it switches to (linuxserver's PUID/PGID ...) */
const RUN_AS_IDS = /^(P?UID|P?GID|USER_?ID|GROUP_?ID|RUN_?AS(_USER)?|APP_?UID|APP_?USER)$/i;

/** `docker-entrypoint.sh`, `/start`, also run by a shell: `bash /start_postgres.sh` */
function isScript(cmd: ShellCommand): boolean {
  const real = unwrap(cmd);
  const file = real.program !== undefined && SHELLS.has(real.program) ? real.args.find((a) => !(a.value ?? a.text).startsWith('-')) : real.name;
  return SCRIPT.test(file?.value ?? '');
}

/** `chown -R app:app /srv`, `chown postgres.postgres f`: files made over to a user other than root */
function chownsToUser(cmd: ShellCommand): boolean {
  if (cmd.program !== 'chown') return false;
  const owner = cmd.args.find((a) => !(a.value ?? a.text).startsWith('-'));
  const user = (owner?.value ?? '').split(/[:.]/)[0]!;
  return user !== '' && user !== 'root' && user !== '0';
}

/**
 * Whether the container starts as root on purpose and switches to an unprivileged user itself:
 * the start command runs a user switcher or a server that drops privileges by design (nginx,
 * php-fpm, sshd, supervisord, s6's `/init` ...); or the base image's own entrypoint does and stays
 * in effect; or it starts a script and the Dockerfile prepares a user for it (it installs or runs
 * gosu/su-exec/supervisor, creates a user or hands files to one without any USER, or declares
 * the ids to run as, such as PUID/PGID, or enables systemd services).
 */
export function startDropsPrivileges(model: DockerfileModel, stage: Stage, base: ImageRef): boolean {
  const commands = startCommands(stage);
  if (commands.some((c) => dropsBySelf(c.program) || dropsBySelf(commandName(c)))) return true;
  // s6-overlay's `/init`
  if (commands.some((c) => c.name?.value === '/init')) return true;
  const startsScript = commands.some(isScript);
  if (DROPPING_ENTRYPOINT_IMAGES.test(repositoryName(base)) && (startsScript || !startCommand(stage).entrypoint)) return true;
  return startsScript && preparesUser(stage, model);
}

/** whether the stage or one it builds on prepares a user for a start script to switch to (see startDropsPrivileges) */
const preparesUser = anyAlongChain((stage: Stage, model: DockerfileModel) => {
  for (const ins of stage.instructions) {
    if ((ins.keyword === 'ENV' || ins.keyword === 'ARG') && (ins as KeyValueInstruction).pairs.some((p) => RUN_AS_IDS.test(p.key.value))) return true;
    if ((ins.keyword === 'COPY' || ins.keyword === 'ADD') && ins.flags.some((f) => f.name === 'chown' && !/^(root|0)([:.]|$)/.test(f.value ?? ''))) return true;
    const run = model.run(ins);
    if (!run) continue;
    if (run.installs.some((i) => i.packages.some((p) => USER_SWITCH_PACKAGES.test(p.value ?? '')))) return true;
    // a downloaded gosu: `wget -O /usr/local/bin/gosu ...`, `chmod +x /usr/local/bin/su-exec`
    if (run.commands.some((c) => c.args.some((a) => USER_SWITCH_BINARY.test(a.value ?? '')))) return true;
    // `gosu nobody true` checks an installed gosu; sudo and su in a RUN are about the build itself
    if (run.commands.some((c) => (USER_SWITCHERS.has(c.program ?? '') && c.program !== 'sudo' && c.program !== 'su') || USER_ADDERS.has(c.program ?? '') || chownsToUser(c))) return true;
    // services enabled for systemd: the script starts systemd, which runs each as its user
    if (run.commands.some((c) => c.program === 'systemctl')) return true;
  }
  return false;
});

/** Docker's CLI and SDKs: an image that drives the Docker daemon is given its socket, which root (or the docker group) opens */
const DOCKER_CLIENTS = /(^|[/:])(docker|docker-ce-cli|docker-cli|docker\.io|docker-py|dockerode|docker-compose|moby-cli)(\.git)?([=<>@~:].*)?$/;

/** Whether the image talks to a Docker daemon through its socket (installs a Docker client, names `docker.sock`). */
export function drivesDocker(model: DockerfileModel, stage: Stage): boolean {
  return drivesDockerAlongChain(stage, model);
}
const drivesDockerAlongChain = anyAlongChain((stage: Stage, model: DockerfileModel) => stage.instructions.some((ins) =>
  ((ins.keyword === 'VOLUME' || ins.keyword === 'ENV') && model.df.source.slice(ins.start, ins.end).includes('docker.sock'))
  || model.run(ins)?.installs.some((i) => i.packages.some((p) => DOCKER_CLIENTS.test(p.value ?? ''))) === true));

/** runtimes and application servers that run an application's code (`node server.js`, `gunicorn app:app`) */
const APP_RUNTIMES = /^(node|nodejs|java|python|dotnet|ruby|bundle|rails|rackup|puma|unicorn|php|perl|deno|bun|npm|npx|yarn|pnpm|pm2|pm2-runtime|next|nuxt|gunicorn|uvicorn|hypercorn|daphne|celery|flask|streamlit|fastapi|waitress-serve|catalina\.sh|mix|elixir|iex|erl|beam\.smp|go)$/;

/**
 * Whether the stage runs a service: it exposes a port or has a HEALTHCHECK, or it starts an
 * application's code in a runtime (`node server.js`, `java -jar app.jar`, `gunicorn app:app`).
 * Images that start a compiled command-line tool (`ENTRYPOINT ["pandoc"]`), a build script or a
 * system agent are run on demand, often on mounted files, and choose their user at `docker run`.
 */
export function startsService(stage: Stage): boolean {
  if (exposesOrChecks(stage)) return true;
  const { entrypoint, cmd } = startCommand(stage);
  const first = commandsOf(entrypoint, stage).find((c) => c.name !== undefined);
  const args = commandsOf(cmd, stage).find((c) => c.name !== undefined);
  return [first, args].some((c) => c !== undefined && APP_RUNTIMES.test(commandName(c) ?? '') && startsFile(c));
}

const exposesOrChecks = anyAlongChain((stage: Stage) => stage.instructions.some((ins) => ins.keyword === 'EXPOSE' || ins.keyword === 'HEALTHCHECK'));

/** interactive shells and language REPLs: the default command of images you build on or run tools in */
const INTERACTIVE = /^(sh|ash|bash|dash|zsh|fish|ksh|mksh|tcsh|csh|python|ipython|node|irb|jshell|ghci|iex|erl|julia|R|php|perl|lua|pypy|pypy3|bb|clojure|lein|sbt|scala|groovysh|pwsh|powershell|psql|mysql|redis-cli|mongosh?|sqlite3)$/;

/**
 * Whether the stage is a base to build FROM, or an environment to run commands in, rather than
 * a program that runs: it has ONBUILD triggers of its own, or it starts nothing of its own.
 */
export function isBaseOrToolImage(stage: Stage): boolean {
  // a parent stage's triggers run when this stage builds FROM it; only the stage's own stay in the image
  return stage.instructions.some((ins: Instruction) => ins.keyword === 'ONBUILD') || startsNothingOfItsOwn(stage);
}

/**
 * Whether the stage sets no ENTRYPOINT or CMD (the base image's stay in effect), starts an
 * interactive shell or REPL (`CMD ["bash"]`, `CMD ["python3"]`, `CMD ["php", "-a"]`), or idles.
 */
export function startsNothingOfItsOwn(stage: Stage): boolean {
  const { entrypoint, cmd } = startCommand(stage);
  if (!entrypoint && !cmd) return true;
  const first = commandsOf(entrypoint, stage).find((c) => c.name !== undefined);
  const args = commandsOf(cmd, stage).find((c) => c.name !== undefined);
  // an entrypoint script that runs the CMD (`exec "$@"`): the CMD says what the container is for
  const main = first && !(args && isScript(first)) ? first : args;
  if (!main) return false;
  const program = commandName(main);
  // `sleep infinity`, `tail -f /dev/null`: the container idles while people `docker exec` into it
  if (program === 'sleep' || (program === 'tail' && main.args.some((a) => a.value === '/dev/null'))) return true;
  return program !== undefined && INTERACTIVE.test(program) && !startsFile(main);
}

/** `python app.py`, `bash -c '...'`, `node server.js`: the interpreter runs something given to it */
function startsFile(cmd: ShellCommand): boolean {
  return cmd.args.some((a) => !(a.value ?? a.text).startsWith('-') || a.value === '-c' || a.value === '-m');
}

/**
 * Dev containers, whose user the tool chooses (devcontainer.json's `remoteUser`), not USER: a
 * devcontainers image, or a stage of Docker Dev Environments (the `dev-envs` target).
 */
export function isDevContainer(stage: Stage): boolean {
  return /(^|\/)(vscode\/)?devcontainers\//.test(repositoryName(rootStage(stage).image)) || devEnvsAlongChain(stage);
}
const devEnvsAlongChain = anyAlongChain((stage: Stage) => stage.name === 'dev-envs');

/** helper files an image copies beside software it installs: entrypoint scripts, configuration, keys */
const HELPER_FILE = /\.(sh|bash|conf|cfg|cnf|ini|ya?ml|xml|properties|toml|repo|list|pem|crt|asc|gpg|key|env)$|(^|\/)[^/]*entrypoint[^/]*$/i;

/**
 * Whether the stage ships code of its own: a COPY/ADD from the build context or from an earlier
 * stage of the Dockerfile (a built artifact) that is not only helper files (scripts, configuration).
 * An image that only installs published software (packages, downloads) is a distribution of that
 * software, which its users configure and build on.
 */
export function shipsOwnCode(model: DockerfileModel, stage: Stage): boolean {
  return shipsOwnCodeAlongChain(stage, model);
}
const shipsOwnCodeAlongChain = anyAlongChain((stage: Stage, model: DockerfileModel) => stage.instructions.some((ins) => {
  if (ins.keyword !== 'COPY' && ins.keyword !== 'ADD') return false;
  const from = ins.flags.find((f) => f.name === 'from')?.value;
  if (from !== undefined && !model.stageByRef(from)) return false;
  return (ins as CopyInstruction).sources.some((src) => !/^[a-z]+:\/\//i.test(src.value) && !HELPER_FILE.test(src.value));
}));

/** a port below 1024, which only root can bind outside Docker's default settings */
export const exposesPrivilegedPort = anyAlongChain((stage: Stage) => stage.instructions.some((ins) =>
  ins.keyword === 'EXPOSE' && (ins as ExposeInstruction).ports.some((port) => Number(/^\d+/.exec(port.value)?.[0] ?? 1024) < 1024)));
