import { defineRule } from '../src/linter/rule.ts';
import { readSuppressions } from '../src/linter/suppressions.ts';

export default defineRule({
  meta: {
    id: 'inline-ignore-comment',
    aliases: ['DL1001'],
    severity: 'info',
    category: 'maintainability',
    docs: {
      summary: 'Do not silence rules with inline ignore comments',
      description: 'Reports every `# tslint-docker ignore=...` and `# hadolint ignore=...` comment (also their `global` and `stage` forms), for teams that want every exception in the configuration file. Only the `all` preset turns it on (hadolint ships DL1001 off).',
      why: 'Ignore comments scattered through Dockerfiles are easy to add and never reviewed again; exceptions kept in one configuration file are visible and can be revisited together.',
      bad: 'FROM debian:12\n# hadolint ignore=DL3008\nRUN apt-get update && apt-get install -y curl\n',
      good: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n',
      fixSafety: 'No fix: removing the comment would bring back the finding it silences.',
    },
  },
  create(ctx) {
    return {
      end() {
        for (const pragma of readSuppressions(ctx.df, true, new Set()).pragmas) {
          ctx.report({ span: pragma, message: 'Inline ignore comment: keep rule exceptions in the configuration file instead' });
        }
      },
    };
  },
});
