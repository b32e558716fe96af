import { defineRule } from '../src/linter/rule.ts';
import type { Stage } from '../src/model/index.ts';
import { commandName, unwrap, type ShellCommand } from '../src/model/index.ts';

/** archives ADD unpacks by itself (tar, optionally gzip/bzip2/xz compressed) */
const TAR_ARCHIVE = /\.(tar|tar\.(gz|bz2|xz)|tgz|tbz2?|txz)$/i;

/** the file name of a POSIX or Windows path, quotes dropped (BuildKit splits shell-form COPY on blanks only) */
function basename(path: string): string {
  const unquoted = path.replace(/["']/g, '');
  return unquoted.slice(Math.max(unquoted.lastIndexOf('/'), unquoted.lastIndexOf('\\')) + 1);
}

export default defineRule({
  meta: {
    id: 'copied-archive-extracted',
    aliases: ['DL3010'],
    severity: 'info',
    category: 'size',
    docs: {
      summary: 'Let ADD extract a local tar archive instead of COPY then `tar -x`',
      description: 'Reports a `tar` extraction in RUN of an archive that a COPY of the same stage brought in from the build context (matched by file name).',
      why: 'COPY puts the archive itself into a layer and the RUN adds its extracted files in another, so the image carries both; `ADD archive.tar.gz /dest/` unpacks a local tar archive in one step and keeps only the files.',
      bad: 'FROM debian:12\nCOPY app.tar.gz /opt/\nRUN tar -xzf /opt/app.tar.gz -C /opt\n',
      good: 'FROM debian:12\nADD app.tar.gz /opt/\n',
      fixSafety: 'No fix: ADD extracts into the destination directory, while tar options (-C, --strip-components, file selection) may ask for something else.',
    },
  },
  create(ctx) {
    const copied = new Map<Stage | undefined, Set<string>>();
    return {
      COPY(ins, info) {
        if (info.onbuild || ins.flags.some((f) => f.name === 'from')) return;
        const names = copied.get(info.stage) ?? new Set<string>();
        for (const source of ins.sources) if (TAR_ARCHIVE.test(source.value)) names.add(basename(source.value));
        const dest = ins.destination?.value.replace(/["']/g, '');
        if (dest && TAR_ARCHIVE.test(dest)) names.add(basename(dest));
        copied.set(info.stage, names);
      },
      run(run, info) {
        const names = copied.get(info.stage);
        if (info.onbuild || !names || names.size === 0) return;
        for (const command of run.commands) {
          if (!extracts(command)) continue;
          const archive = unwrap(command).args.find((a) => a.value !== undefined && names.has(basename(a.value.replace(/^--file=/, ''))));
          if (archive) ctx.report({ span: command, message: `\`${basename(archive.value!.replace(/^--file=/, ''))}\` is copied in and then extracted: \`ADD\` it to the target directory instead` });
        }
      },
    };
  },
});

/** `tar -x...`, `tar x...` (old style), `tar --extract`/`--get` */
function extracts(command: ShellCommand): boolean {
  if (commandName(command) !== 'tar') return false;
  const args = unwrap(command).args;
  const first = args[0]?.value;
  if (first !== undefined && /^[A-Za-z]+$/.test(first) && first.includes('x')) return true;
  return args.some((a) => {
    const v = a.value ?? '';
    return v === '--extract' || v === '--get' || /^-[A-Za-z]*x[A-Za-z]*$/.test(v);
  });
}
