import { defineRule } from '../src/linter/rule.ts';
import type { CopyInstruction } from '../src/parser/ast.ts';

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
    },
  },
  create(ctx) {
    const context = ctx.model.context;
    const check = (ins: CopyInstruction, info: { scope: { expand(w: string): { value?: string } }; onbuild: boolean }) => {
      if (!context || info.onbuild || ins.flags.some((f) => f.name === 'from')) return;
      for (const source of ins.sources) {
        const path = info.scope.expand(source.raw).value;
        if (path === undefined || source.raw.startsWith('<<') || /^[a-z][a-z0-9+.-]*:\/\//i.test(path) || path.startsWith('git@')) continue;
        const normalized = path.replace(/^(\.\/)+/, '').replace(/\/+$/, '');
        if (normalized === '' || normalized === '.' || !context.ignored(normalized)) continue;
        ctx.report({ span: source, message: `'${path}' is excluded by ${context.dockerignorePath ? '.dockerignore' : 'the ignore file'}, so ${ins.keyword} cannot find it in the build context` });
      }
    };
    return { COPY: check, ADD: check };
  },
});
