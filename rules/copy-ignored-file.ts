import { defineRule } from '../src/linter/rule.ts';
import { goQuote } from '../src/linter/buildkit-messages.ts';
import { dockerignorePatterns } from '../src/model/index.ts';
import { cleanPath } from '../src/model/workdir.ts';
import type { CopyInstruction } from '../src/parser/ast.ts';

/** patterns that exclude every top-level entry of the context */
const ROOT_PATTERNS = new Set(['*', '**', '**/*']);

export default defineRule({
  meta: {
    id: 'copy-ignored-file',
    aliases: ['CopyIgnoredFile'],
    severity: 'warning',
    category: 'correctness',
    docs: {
      summary: 'COPY or ADD names a file that .dockerignore excludes',
      description: 'When the build context is known, reports a COPY/ADD source (after ARG/ENV expansion) that the `.dockerignore` in use excludes. Sources from another stage or image (`--from`), URLs and git repositories are not in the context and are skipped.',
      why: 'Excluded files are not sent to the builder: the COPY fails with "not found", or a wildcard silently copies less than you think.',
      bad: '# .dockerignore: *.md\nFROM alpine\nCOPY README.md /docs/\n',
      good: '# .dockerignore: *.md, !README.md\nFROM alpine\nCOPY README.md /docs/\n',
      fixSafety: 'No fix: either the copy or the ignore file is wrong, and only you know which.',
      presets: 'Every preset: the whole context (`COPY . .`) is reported when the `.dockerignore` has a `*`, `**` or `**/*` pattern and no `!` exclusion (nothing would be copied). buildkit: as BuildKit\'s CopyIgnoredFile, on the whole instruction, and not at all when the `.dockerignore` has a `!` exclusion (BuildKit cannot tell statically whether a re-included file is meant).',
    },
  },
  create(ctx) {
    const context = ctx.model.context;
    const buildkit = ctx.settings.preset === 'buildkit';
    const patterns = context ? dockerignorePatterns(context) : [];
    // patterns that re-include: BuildKit does not check, since a file of an excluded folder may be re-included
    const hasExclusions = patterns.some((p) => p.exclusion);
    // `.` and `/` are the context itself: excluded only by a pattern that excludes every top-level entry
    const rootIgnored = !hasExclusions && patterns.some((p) => ROOT_PATTERNS.has(p.pattern));
    const check = (ins: CopyInstruction, info: { scope: { expand(w: string): { value?: string } }; onbuild: boolean }) => {
      if (!context || info.onbuild || ins.flags.some((f) => f.name === 'from')) return;
      if (buildkit && hasExclusions) return;
      for (const source of ins.sources) {
        const path = info.scope.expand(source.raw).value;
        if (path === undefined || source.raw.startsWith('<<') || /^[a-z][a-z0-9+.-]*:\/\//i.test(path) || path.startsWith('git@')) continue;
        const cleaned = cleanPath(path);
        // a path above the context (`../x`) is not one the ignore file can name
        if (cleaned === '..' || cleaned.startsWith('../')) continue;
        const root = cleaned === '.' || cleaned === '/';
        if (root ? !rootIgnored : !context.ignored(cleaned)) continue;
        if (buildkit) {
          const verb = ins.keyword === 'ADD' ? 'Add' : 'Copy';
          ctx.report({ span: ins, message: `Attempting to ${verb} file ${goQuote(cleaned)} that is excluded by .dockerignore` });
          continue;
        }
        const what = root ? 'every file of the build context' : `'${path}'`;
        ctx.report({ span: source, message: `${what} is excluded by ${context.dockerignorePath ? '.dockerignore' : 'the ignore file'}, so ${ins.keyword} cannot find it in the build context` });
      }
    };
    return { COPY: check, ADD: check };
  },
});
