import { defineRule } from '../src/linter/rule.ts';
import { reportOverridden } from './shared/overridden-instruction.ts';

export default defineRule({
  meta: {
    id: 'multiple-cmd',
    aliases: ['DL4003', 'MultipleInstructionsDisallowed'],
    severity: 'warning',
    category: 'correctness',
    docs: {
      summary: 'A stage should have one CMD',
      description: 'Reports every `CMD` of a stage that a later `CMD` in the same stage overrides.',
      why: 'Only the last `CMD` takes effect; the earlier ones are dead code that misleads the reader about what the container runs.',
      bad: 'FROM python:3.12-slim\nCMD ["python", "manage.py", "migrate"]\nCMD ["gunicorn", "app:app"]',
      good: 'FROM python:3.12-slim\nCMD ["gunicorn", "app:app"]',
      fixSafety: 'No fix: the earlier CMD may hold what was meant to run (e.g. a migration that belongs in an entrypoint script).',
      presets: 'buildkit: BuildKit\'s MultipleInstructionsDisallowed, which covers CMD, ENTRYPOINT and HEALTHCHECK: each one a later one of the same kind overrides in its stage is reported, on the whole instruction (`multiple-entrypoint` and `healthcheck-duplicate` are off there). A stage built FROM another starts with none of its own.',
    },
  },
  create: reportOverridden('CMD'),
});
