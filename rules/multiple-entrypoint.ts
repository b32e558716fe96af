import { defineRule } from '../src/linter/rule.ts';
import { reportOverridden } from './shared/overridden-instruction.ts';

export default defineRule({
  meta: {
    id: 'multiple-entrypoint',
    aliases: ['DL4004'],
    severity: 'error',
    category: 'correctness',
    docs: {
      summary: 'A stage should have one ENTRYPOINT',
      description: 'Reports every `ENTRYPOINT` of a stage that a later `ENTRYPOINT` in the same stage overrides. (In the buildkit preset, `multiple-cmd` reports these as BuildKit\'s MultipleInstructionsDisallowed.)',
      why: 'Only the last `ENTRYPOINT` takes effect; the earlier ones are dead code that misleads the reader about what the container runs.',
      bad: 'FROM node:22-slim\nENTRYPOINT ["node"]\nENTRYPOINT ["docker-entrypoint.sh"]',
      good: 'FROM node:22-slim\nENTRYPOINT ["docker-entrypoint.sh"]',
      fixSafety: 'No fix: which of them was meant is not knowable.',
    },
  },
  create: reportOverridden('ENTRYPOINT'),
});
