import { defineRule } from '../src/linter/rule.ts';
import type { Stage } from '../src/model/model.ts';

export default defineRule({
  meta: {
    id: 'healthcheck-missing',
    aliases: ['DL3057'],
    severity: 'info',
    category: 'maintainability',
    docs: {
      summary: 'Images the Dockerfile produces should define a HEALTHCHECK',
      description: 'Reports each stage that nothing else builds on or copies from (a build target) when neither it nor a stage it is built `FROM` has a HEALTHCHECK. `HEALTHCHECK NONE` counts: it states the decision. Only the `all` preset turns it on (hadolint ships DL3057 off).',
      why: 'Without a health check, Docker and Swarm only know whether the process runs, not whether it serves; a hung server stays "up" forever.',
      bad: 'FROM nginx:1.27\nCOPY site/ /usr/share/nginx/html/',
      good: 'FROM nginx:1.27\nCOPY site/ /usr/share/nginx/html/\nHEALTHCHECK CMD curl -fsS http://localhost/ || exit 1',
      fixSafety: 'No fix: a meaningful check depends on the service.',
    },
  },
  create(ctx) {
    const withHealthcheck = new Set<Stage>();
    return {
      HEALTHCHECK(_ins, info) {
        if (info.stage && !info.onbuild) withHealthcheck.add(info.stage);
      },
      end() {
        for (const stage of ctx.model.stages) {
          if (stage.usedBy.size > 0) continue;
          let inherited = false;
          for (let s: Stage | undefined = stage, n = 0; s && n <= ctx.model.stages.length; s = s.baseStage, n++) {
            if (withHealthcheck.has(s)) inherited = true;
          }
          if (!inherited) ctx.report({ span: stage.from, message: 'No `HEALTHCHECK` is defined for this image' });
        }
      },
    };
  },
});
