import { fix, replace } from '../src/fix/edits.ts';
import { defineRule } from '../src/linter/rule.ts';
import { copyPath } from '../src/model/paths.ts';

// names ADD unpacks (a tar archive, plain or compressed) and sources only ADD can fetch
const ARCHIVE = /\.(tar|tgz|taz|tbz|tbz2|tb2|txz|tlz|tzst|gz|bz2|xz|lz|lzma|zst|z)$/i;
const REMOTE = /^([a-z][a-z0-9+.-]*:\/\/|git@)/i;
// flags that exist only on ADD
const ADD_ONLY_FLAGS = new Set(['checksum', 'keep-git-dir', 'unpack']);

export default defineRule({
  meta: {
    id: 'add-instead-of-copy',
    aliases: ['DL3020'],
    severity: 'error',
    category: 'maintainability',
    fixable: 'safe',
    docs: {
      summary: 'Use COPY, not ADD, for local files and folders',
      description: 'Reports an ADD whose sources are all local files or folders that are not tar archives (by name), so COPY would do the same. ADD with a URL, a git repository, an archive to unpack, or an ADD-only flag (`--checksum`, `--keep-git-dir`, `--unpack`) is left alone. ARG and ENV values are substituted in the sources first.',
      why: 'ADD has hidden behaviour: it unpacks archives and downloads URLs. Using it for plain files makes a reader wonder which of these is intended, and a file that later turns into an archive gets unpacked by surprise. COPY does only what it says.',
      bad: 'FROM debian:bookworm\nADD app.conf /etc/app/',
      good: 'FROM debian:bookworm\nCOPY app.conf /etc/app/',
      fixSafety: 'Safe: replaces the ADD keyword with COPY; COPY copies local files and folders exactly as ADD does. (ADD also unpacks a local tar archive whose name has no archive extension, by looking at its content: such a file is the one case the names cannot tell.)',
    },
  },
  create(ctx) {
    return {
      ADD(ins, info) {
        if (ins.flags.some((f) => ADD_ONLY_FLAGS.has(f.name.toLowerCase())) || ins.sources.length === 0) return;
        for (const source of ins.sources) {
          const path = copyPath(source, ins, info.scope);
          if (path === undefined || REMOTE.test(path) || ARCHIVE.test(path)) return;
        }
        const keyword = ins.keywordWord;
        ctx.report({
          span: keyword,
          message: 'Use COPY instead of ADD to copy local files and folders: ADD also unpacks archives and downloads URLs',
          fix: fix('replace ADD with COPY', 'safe', replace(keyword, keyword.raw === keyword.raw.toLowerCase() ? 'copy' : 'COPY')),
        });
      },
    };
  },
});
