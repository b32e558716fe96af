import { defineRule } from '../src/linter/rule.ts';
import { labelKey } from '../src/model/labels.ts';
import type { Stage } from '../src/model/model.ts';
import { stageDependents } from '../src/model/stages.ts';

export default defineRule({
  meta: {
    id: 'label-missing',
    aliases: ['DL3049'],
    severity: 'info',
    category: 'maintainability',
    docs: {
      summary: 'Every image the Dockerfile produces must carry the labels of the schema',
      description: 'With a `labelSchema`, reports each stage that can end up as an image without one of the schema\'s labels. A stage has a label when it sets it or inherits it (`FROM <stage>`). A stage without it is still fine when a stage that has the label builds on it or copies from it, directly or through other stages: it is then an intermediate step, not a result.',
      why: 'Labels are how registries, scanners and people find out what an image is, who owns it and where it came from; a target built without them is anonymous.',
      bad: '# labelSchema: { org.opencontainers.image.source: url }\nFROM node:22-slim\nCMD ["node", "server.js"]',
      good: '# labelSchema: { org.opencontainers.image.source: url }\nFROM node:22-slim\nLABEL org.opencontainers.image.source="https://github.com/acme/app"\nCMD ["node", "server.js"]',
      fixSafety: 'No fix: only you know the values.',
    },
  },
  create(ctx) {
    const required = Object.keys(ctx.settings.labelSchema);
    if (required.length === 0) return {};
    const labelsOf = new Map<Stage, Set<string>>();
    return {
      LABEL(ins, info) {
        // an ONBUILD LABEL labels the child image, not this one
        if (!info.stage || info.onbuild) return;
        const set = labelsOf.get(info.stage) ?? new Set<string>();
        for (const pair of ins.pairs) set.add(labelKey(pair, info.scope));
        labelsOf.set(info.stage, set);
      },
      end() {
        const has = (stage: Stage, label: string): boolean => {
          for (let s: Stage | undefined = stage, n = 0; s && n <= ctx.model.stages.length; s = s.baseStage, n++) {
            if (labelsOf.get(s)?.has(label)) return true;
          }
          return false;
        };
        for (const stage of ctx.model.stages) {
          const dependents = stageDependents(stage);
          for (const label of required) {
            if (has(stage, label)) continue;
            if ([...dependents].some((d) => has(d, label))) continue;
            ctx.report({ span: stage.from, message: `Label \`${label}\` is missing` });
          }
        }
      },
    };
  },
});
