import { defineRule } from '../src/linter/rule.ts';
import { wgetIsBusybox } from '../src/model/distro.ts';
import { isWindowsImage } from '../src/model/image.ts';
import type { DockerfileModel, Stage } from '../src/model/model.ts';
import { rootStage } from '../src/model/stage-chain.ts';
import type { Instruction } from '../src/parser/ast.ts';
import { commandName, flagValues, hasFlag, positionalArgs, type ShellCommand } from '../src/model/index.ts';

/** wget's options that take a value (so their value is not a URL) */
const WGET_FLAGS_WITH_VALUE = ['O', 'output-document', 'o', 'output-file', 'a', 'append-output', 'P', 'directory-prefix', 'U', 'user-agent', 'T', 'timeout', 't', 'tries', 'e', 'execute', 'header', 'user', 'password', 'ca-certificate', 'certificate', 'private-key', 'i', 'input-file', 'w', 'wait', 'Q', 'quota', 'limit-rate', 'post-data', 'post-file', 'method', 'body-data', 'referer', 'load-cookies', 'save-cookies'];
/** signatures, checksums, keys, patches and small text: a few kilobytes, a line or two of progress */
const SMALL_FILE = /(\.(asc|sig|sign|sha\d*|sha\d+sum|md5|sum|pem|crt|cer|key|gpg|pub|patch|diff|json|txt|ya?ml|toml|xml|conf|cfg|ini|repo|list|sh|bash|pl|py|rb|exp|ps1)|[/._-]SHA\d*SUMS(\.[a-z]+)?|\/checksums?(\.txt)?)(\?\S*)?$/i;

export default defineRule({
  meta: {
    id: 'wget-progress',
    aliases: ['DL3047'],
    severity: 'info',
    category: 'style',
    docs: {
      summary: '`wget` should not print its default progress output in a build',
      description:
        'Reports GNU `wget` without `--progress=...`, `-q`/`--quiet`, `-nv`/`--no-verbose`, or a log file (`-o`/`--output-file`, `-a`/`--append-output`). '
        + 'Not raised for BusyBox wget (Alpine and busybox images, unless a RUN before installs GNU wget with `apk add wget`): it has no '
        + '`--progress` option and prints one updating line, not one per few kilobytes; nor on Windows images (PowerShell\'s `wget` alias); '
        + 'nor when every file it fetches is small by its name '
        + '(a signature, checksum, key, patch, script or text file: `.asc`, `.sha256`, `SHA256SUMS`, `.pem`, `.patch`, `.sh`, `.json` ...).',
      why: 'Without a terminal, GNU wget falls back to its "dot" progress: one line per 50 KB, so a 100 MB download writes about 2000 lines to the build log, burying the output that matters.',
      bad: 'FROM debian:12\nRUN wget -O /tmp/jdk.tgz https://example.com/jdk.tar.gz',
      good: 'FROM debian:12\nRUN wget --progress=dot:giga -O /tmp/jdk.tgz https://example.com/jdk.tar.gz',
      fixSafety: 'No fix: whether to keep some progress (`--progress=dot:giga`) or none (`-nv`, `-q`) is your choice.',
      presets: '`hadolint`: every `wget` without those options, BusyBox\'s and small files included, as DL3047.',
    },
  },
  create(ctx) {
    const hadolint = ctx.settings.preset === 'hadolint';
    return {
      run(run, info) {
        for (const cmd of run.commands) {
          if (commandName(cmd) !== 'wget') continue;
          if (hasFlag(cmd, 'progress', 'q', 'quiet', 'no-verbose', 'o', 'output-file', 'a', 'append-output')) continue;
          if (cmd.args.some((a) => a.value === '-nv')) continue;
          if (!hadolint && (notGnuWget(ctx.model, info.stage, run.ins) || fetchesOnlySmallFiles(cmd))) continue;
          ctx.report({ span: { start: cmd.start, end: cmd.end }, message: '`wget` prints a progress line every 50 KB in a build log: add `--progress=dot:giga` or `-nv`' });
        }
      },
    };
  },
});

/** BusyBox's wget, or Windows' (`wget` is PowerShell's Invoke-WebRequest there) */
function notGnuWget(model: DockerfileModel, stage: Stage | undefined, at: Instruction): boolean {
  return stage !== undefined && (wgetIsBusybox(model, stage, at) || isWindowsImage(rootStage(stage).image));
}

/** every URL names a small file, or every file it saves to does */
function fetchesOnlySmallFiles(cmd: ShellCommand): boolean {
  const urls = positionalArgs(cmd, { flagsWithValue: WGET_FLAGS_WITH_VALUE }).map((u) => u.value ?? u.text.replace(/["']/g, ''));
  const saved = flagValues(cmd, 'O', 'output-document').filter((o) => o !== '-');
  const small = (names: string[]) => names.length > 0 && names.every((n) => SMALL_FILE.test(n));
  return small(urls) || small(saved);
}
