/**
 * What a pipe hides: a pipeline's status is its last command's, so a failing command before a
 * pipe goes unnoticed unless `pipefail` is set. What matters is a download (`curl ... | sh`: a
 * failed download runs an empty script and the build goes on), not `echo "$sum *f" | sha256sum -c`
 * or `echo "$x" | tr`, which cannot fail. `pipefail-missing` reads it.
 */
import { commandName, hasFlag, isCommand, shellCScript, shellStdinScript, type ShellCommand, type ShellScript } from './shell/index.ts';

/** programs whose failure before a pipe loses data the build goes on with */
const DOWNLOADERS = new Set(['curl', 'wget', 'aria2c', 'fetch', 'http', 'https']);
/** readers that may stop early: under pipefail the writer's SIGPIPE would fail the pipeline */
const STOPS_EARLY = new Set(['head']);
/** readers that fail on an empty or truncated stream or an HTML error page: the failure shows without pipefail */
const CHECKS_INPUT = new Set(['tar', 'bsdtar', 'gpg', 'gpg2', 'gunzip', 'zcat', 'unxz', 'xzcat', 'bunzip2', 'bzcat', 'unzstd', 'zstdcat', 'funzip', 'cpio', 'dpkg', 'rpm']);
/** read the keys and repository lists written before them: a broken one fails there */
const PACKAGE_MANAGERS = new Set(['apt-get', 'apt', 'aptitude', 'add-apt-repository', 'yum', 'dnf', 'microdnf', 'zypper', 'apk']);
const CHECKSUMS = /^(md5|sha1|sha224|sha256|sha384|sha512|b2)sum$/;

/** `set -o pipefail`, `set -eo pipefail`, `set -euxo pipefail` */
export function setsPipefail(cmd: ShellCommand): boolean {
  return cmd.program === 'set' && cmd.args.some((a, i) => a.value === 'pipefail' && /^-[a-z]*o$/.test(cmd.args[i - 1]?.value ?? ''));
}

/** whether the SHELL argv turns pipefail on (`-o pipefail`, `-eo pipefail`, `-o errexit -o pipefail`) */
export function shellArgvSetsPipefail(shell: readonly string[]): boolean {
  return shell.some((arg, i) => arg === 'pipefail' && /^-[a-z]*o$/.test(shell[i - 1] ?? ''));
}

/** the command that runs `cmd` in a child shell (`bash -c '... cmd ...'`, `sh <<EOF`), if any */
export function childShellOf(script: ShellScript, cmd: ShellCommand): ShellCommand | undefined {
  let found: ShellCommand | undefined;
  for (const c of script.commands) {
    if (c.start >= cmd.start) break;
    if (cmd.end <= c.end && (shellCScript(c) || shellStdinScript(c))) found = c;
  }
  return found;
}

/** whether `set -o pipefail` runs before `cmd` in the shell that runs it */
export function pipefailSetBefore(script: ShellScript, cmd: ShellCommand): boolean {
  const child = childShellOf(script, cmd);
  return script.commands.some((c) => c.start < cmd.start && setsPipefail(c) && childShellOf(script, c) === child && (!c.inSubshell || cmd.inSubshell));
}

/**
 * The downloads of the script whose failure a pipe hides from the RUN (which then succeeds, and
 * its broken layer is cached): a downloader before a pipe, not in a condition (`curl x | sh ||
 * true` tolerates the failure on purpose), in a pipeline no reader of which may stop early
 * (`curl x | head -1`, `| grep -q`: pipefail would fail it on SIGPIPE), whose last command does
 * not fail by itself on an empty or broken download (`| tar -xz`, `| gpg --dearmor`,
 * `| apt-key add -` do; `| sh`, `| jq`, `| tee f` do not). Not a download whose output a
 * command substitution captures (`v=$(curl x | jq -r .tag)`: the script goes on to use the empty
 * value, which fails there), nor a key or repository list written with `tee` before the package
 * manager of the same script reads it. `text` is what the commands' offsets index.
 */
export function hiddenDownloadFailures(script: ShellScript, text: string): ShellCommand[] {
  const found: ShellCommand[] = [];
  const commands = script.commands;
  for (let i = 0; i < commands.length; i++) {
    const cmd = commands[i]!;
    if (!cmd.beforePipe || cmd.inCondition || !DOWNLOADERS.has(commandName(cmd) ?? '')) continue;
    if (cmd.inSubshell && /(\$\(|`)\s*$/.test(text.slice(Math.max(0, cmd.start - 16), cmd.start))) continue;
    const readers = readersOf(commands, i);
    const last = readers[readers.length - 1];
    if (last === undefined || readers.some(stopsEarly) || checksInput(last)) continue;
    const later = commands.filter((c) => c.start > last.end);
    if (commandName(last) === 'tee' && later.some((c) => PACKAGE_MANAGERS.has(commandName(c) ?? ''))) continue;
    if (runsWhatItInstalls(cmd, later)) continue;
    found.push(cmd);
  }
  return found;
}

/**
 * Whether a later command of the script runs or uses what the downloaded installer made, named
 * in its URL: `curl https://sh.rustup.rs | sh && rustup ...`, `curl https://getcomposer.org/installer
 * | php && chmod +x composer.phar`; a failed download fails there.
 */
function runsWhatItInstalls(download: ShellCommand, later: readonly ShellCommand[]): boolean {
  const words = new Set(download.args.flatMap((a) => (/^[a-z]+:\/\//i.test(a.value ?? '') ? a.value!.toLowerCase().split(/[^a-z0-9]+/) : [])).filter((w) => w.length >= 4));
  if (words.size === 0) return false;
  const named = (path: string | undefined) => {
    const stem = (path ?? '').slice((path ?? '').lastIndexOf('/') + 1).split('.')[0]!.toLowerCase();
    return stem.length >= 4 && [...words].some((w) => w.includes(stem));
  };
  return later.some((c) => named(commandName(c) ?? c.name?.text)
    || c.args.some((a) => a.value !== undefined && !a.value.startsWith('/') && !a.value.startsWith('-') && named(a.value)));
}

/** the first command of each pipeline element after commands[i]'s, up to the pipeline's last */
function readersOf(commands: readonly ShellCommand[], i: number): ShellCommand[] {
  const readers: ShellCommand[] = [];
  for (let k = i + 1; k < commands.length; k++) {
    const c = commands[k]!;
    // inside the writer's or a reader's words (`sh -s -- $(a | b)`)
    if (c.start < (readers[readers.length - 1] ?? commands[i]!).end) continue;
    if (c.joinedBy === '|' || c.joinedBy === '|&') readers.push(c);
    // before the first reader, a command of the writer's group (`{ curl x; echo; } | sh`); after it, the next pipeline
    else if (readers.length > 0 || !c.beforePipe) break;
  }
  return readers;
}

function stopsEarly(c: ShellCommand): boolean {
  const name = commandName(c) ?? '';
  return STOPS_EARLY.has(name) || (name === 'grep' && hasFlag(c, 'q', 'quiet', 'silent', 'm', 'max-count'));
}

/** a reader that exits non-zero on an empty or truncated download or an error page */
function checksInput(c: ShellCommand): boolean {
  const name = commandName(c) ?? '';
  return CHECKS_INPUT.has(name) || (CHECKSUMS.test(name) && hasFlag(c, 'c', 'check'))
    || isCommand(c, 'apt-key', 'add');
}
