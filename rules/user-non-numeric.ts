import { defineRule, type RuleContext } from '../src/linter/rule.ts';
import { isWindowsImage } from '../src/model/image.ts';
import type { InstructionInfo, Stage } from '../src/model/index.ts';
import { effectiveUser, isRootUser } from '../src/model/user.ts';
import { rootStage } from '../src/model/stage-chain.ts';
import type { StringInstruction } from '../src/parser/ast.ts';

/** Windows' built-in accounts: not in any /etc/passwd, and runAsNonRoot does not apply */
const WINDOWS_USERS = /^(ContainerUser|ContainerAdministrator|NT AUTHORITY\\.*)$/i;

export default defineRule({
  meta: {
    id: 'user-non-numeric',
    aliases: ['DL3066'],
    severity: 'info',
    category: 'security',
    docs: {
      summary: 'The image\'s USER should name the user (and group) by number',
      description:
        'Reports the USER an image runs as (the last USER of a stage that can be run: the last stage, or one no other stage builds on or copies from) '
        + 'when it names the user or the group instead of giving its number, after ARG/ENV substitution. '
        + 'Not raised for root (`user-root` covers it; `root` is uid 0 everywhere), for Windows accounts (`ContainerUser`, `ContainerAdministrator`) '
        + 'or Windows images, for USER instructions that a later USER overrides, nor for a value that depends on an unknown variable.',
      why:
        'Kubernetes\' `runAsNonRoot: true` (and the "restricted" Pod Security Standard that requires it) can only verify a numeric user: '
        + 'with `USER app` the kubelet refuses to start the container ("image has non-numeric user, cannot verify user is non-root") '
        + 'unless the pod sets `runAsUser`. A number also means the same user on the host, in volumes and to other tools, which do not read the image\'s /etc/passwd.',
      bad: 'FROM debian:12\nRUN useradd -u 10001 app\nUSER app',
      good: 'FROM debian:12\nRUN useradd -u 10001 app\nUSER 10001',
      fixSafety: 'No fix: the id of a name is known only inside the built image.',
      presets: '`hadolint`: every USER instruction with a non-numeric user or group, `root` and intermediate ones included, as hadolint\'s DL3066.',
    },
  },
  create(ctx) {
    const hadolint = ctx.settings.preset === 'hadolint';
    return {
      USER(ins, info) {
        if (hadolint) check(ctx, ins, info);
      },
      end() {
        if (hadolint) return;
        const { model } = ctx;
        const checked = new Set<StringInstruction>();
        for (const stage of model.stages) {
          if (!stage.isFinal && stage.usedBy.size > 0) continue;
          const user = effectiveUser(stage);
          if (!user || checked.has(user) || windows(stage)) continue;
          checked.add(user);
          check(ctx, user, model.info(user), true);
        }
      },
    };
  },
});

function windows(stage: Stage): boolean {
  return isWindowsImage(rootStage(stage).image);
}

function check(ctx: RuleContext, ins: StringInstruction, info: InstructionInfo, skipRoot = false): void {
  const word = ins.argument;
  if (!word) return;
  const expansion = info.scope.expand(word.value);
  if (expansion.value === undefined || expansion.undefinedRefs.length > 0) return;
  if (skipRoot && (isRootUser(expansion.value) || WINDOWS_USERS.test(expansion.value))) return;
  const [user = '', group] = expansion.value.split(':');
  const named = [user, group].filter((part): part is string => part !== undefined && !/^\d+$/.test(part));
  if (named.length === 0) return;
  ctx.report({
    span: word,
    message: `Use a numeric id instead of \`${named.join('`, `')}\`: Kubernetes' runAsNonRoot cannot verify a named user, and names may not resolve outside the image`,
  });
}
