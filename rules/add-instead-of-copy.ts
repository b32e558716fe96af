import { fix, replace } from '../src/fix/edits.ts';
import { defineRule } from '../src/linter/rule.ts';
import { copyPath } from '../src/model/paths.ts';

// names ADD unpacks (a tar archive, plain or compressed) and sources only ADD can fetch
const ARCHIVE = /\.(tar|tgz|taz|tbz|tbz2|tb2|txz|tlz|tzst|gz|bz2|xz|lz|lzma|zst|z)$/i;
const REMOTE = /^([a-z][a-z0-9+.-]*:\/\/|git@)/i;
// a last path component without an extension: a file of that name may be a tar archive
const NO_EXTENSION = /(^|[\\/])[^.\\/]+$/;
// flags that exist only on ADD
const ADD_ONLY_FLAGS = new Set(['checksum', 'keep-git-dir', 'unpack']);

export default defineRule({
  meta: {
    id: 'add-instead-of-copy',
    aliases: ['DL3020'],
    severity: 'error',
    category: 'maintainability',
    fixable: 'both',
    docs: {
      summary: 'Use COPY, not ADD, for local files and folders',
      description: 'Reports an ADD whose sources are all local files or folders that are not tar archives (by name, and by content when the build context is known), so COPY would do the same. ADD with a URL, a git repository, an archive to unpack, or an ADD-only flag (`--checksum`, `--keep-git-dir`, `--unpack`) is left alone. ARG and ENV values are substituted in the sources first.',
      why: 'ADD has hidden behaviour: it unpacks archives and downloads URLs. Using it for plain files makes a reader wonder which of these is intended, and a file that later turns into an archive gets unpacked by surprise. COPY does only what it says.',
      bad: 'FROM debian:bookworm\nADD app.conf /etc/app/',
      good: 'FROM debian:bookworm\nCOPY app.conf /etc/app/',
      fixSafety: 'Replaces the ADD keyword with COPY; COPY copies local files and folders exactly as ADD does. ADD also unpacks a local tar archive whose name has no archive extension, by looking at its content: when the build context is known, the file is read, and an archive is not reported (ADD is what unpacks it). Safe when every source is a folder or a file that is not an archive, or has a file extension; unsafe when a source without an extension (`ADD bundle /opt/`) could not be read in the context: if it is a tar archive, COPY copies it instead of its files.',
    },
  },
  create(ctx) {
    const context = ctx.model.context;
    return {
      ADD(ins, info) {
        if (ins.flags.some((f) => ADD_ONLY_FLAGS.has(f.name.toLowerCase())) || ins.sources.length === 0) return;
        let safety: 'safe' | 'unsafe' = 'safe';
        for (const source of ins.sources) {
          const path = copyPath(source, ins, info.scope);
          if (path === undefined || REMOTE.test(path) || ARCHIVE.test(path)) return;
          // a heredoc is text written into the image, never an archive
          if (ins.heredocs.length > 0 && path.startsWith('<<')) continue;
          const kind = context?.kind(path);
          // ADD unpacks a tar archive whatever its name: then ADD is the instruction meant
          if (kind === 'archive') return;
          if (kind === undefined && NO_EXTENSION.test(path)) safety = 'unsafe';
        }
        const keyword = ins.keywordWord;
        ctx.report({
          span: keyword,
          message: 'Use COPY instead of ADD to copy local files and folders: ADD also unpacks archives and downloads URLs',
          fix: fix('replace ADD with COPY', safety, replace(keyword, keyword.raw === keyword.raw.toLowerCase() ? 'copy' : 'COPY')),
        });
      },
    };
  },
});
