import { defineRule } from '../src/linter/rule.ts';

export default defineRule({
  meta: {
    id: 'user-non-numeric',
    aliases: ['DL3066'],
    severity: 'info',
    category: 'security',
    docs: {
      summary: 'USER should name the user (and group) by number',
      description: 'Reports `USER name` and `USER name:group` where the user or the group is not numeric, after ARG/ENV substitution. A value that depends on an unknown variable is not judged.',
      why: 'Kubernetes `runAsNonRoot` can only verify a numeric user, and a name resolves through the image\'s /etc/passwd, which the host and other tools do not share: numeric ids mean the same everywhere.',
      bad: 'RUN useradd -u 10001 app\nUSER app',
      good: 'RUN useradd -u 10001 app\nUSER 10001',
      fixSafety: 'No fix: the id of a name is known only inside the built image.',
    },
  },
  create(ctx) {
    return {
      USER(ins, info) {
        const word = ins.argument;
        if (!word) return;
        const expansion = info.scope.expand(word.value);
        if (expansion.value === undefined || expansion.undefinedRefs.length > 0) return;
        const [user = '', group] = expansion.value.split(':');
        const named = [user, group].filter((part): part is string => part !== undefined && !/^\d+$/.test(part));
        if (named.length === 0) return;
        ctx.report({ span: word, message: `Use a numeric id instead of \`${named.join('`, `')}\`: names may not resolve outside the image` });
      },
    };
  },
});
