import { goQuote } from '../src/linter/buildkit-messages.ts';
import { defineRule, type RuleContext } from '../src/linter/rule.ts';
import type { InstructionInfo } from '../src/model/index.ts';
import { commentSaysPublic, hasBuildkitSecretName, hasSecretName, HADOLINT_NOT_SECRET_WORDS, isKeyOfKeyValuePair, isPublicValue } from '../src/model/secrets.ts';
import type { KeyValue, KeyValueInstruction, Span } from '../src/parser/ast.ts';

export default defineRule({
  meta: {
    id: 'secret-in-env-or-arg',
    aliases: ['DL3064', 'SecretsUsedInArgOrEnv'],
    severity: 'warning',
    category: 'security',
    docs: {
      summary: 'Do not pass secrets through ARG or ENV',
      description:
        'Reports an ARG or ENV of a stage (or of an ONBUILD trigger) whose name looks like a credential and whose value may be one. '
        + 'The name: a word of it (split at `_`, `-`, `.`) is apikey, auth, credential(s), key, password, passwd, pword, secret or token, '
        + 'and no word is public, file, version, path, dir or url (`GPG_PUBLIC_KEY`, `REDIS_PASSWORD_FILE`, `DOCKER_AUTH_VERSION` are not credentials). '
        + 'The value: an ARG without a default (it comes from `--build-arg`), or a value (after ARG/ENV substitution) that is not public anyway: '
        + 'not empty or a placeholder (`""`, `**None**`, `<password>`), a flag or number, a version, a path or a URL without credentials, '
        + 'a value that says it is fake (`dummy`, `FAKE_...`) or is only a generic word (`password`, `changeme`), nor GPG key fingerprints in a variable named for GPG (`ENV GPG_KEY A035C8C1...`, '
        + 'as the official images verify downloads). The key of a key/value setting (`Filters__0__Key` beside `Filters__0__Value`) is not a credential either, '
        + 'nor an instruction whose comment right above says the value is public or a dummy (`# The key is publicly viewable`). '
        + 'Global ARGs (before the first FROM) are not reported: a stage sees them only when it declares them again, and that ARG is reported.',
      why: 'ENV values are stored in the image config and ARG values in its history and in the build cache metadata: anyone who can pull the image can read them. `RUN --mount=type=secret` hands a secret to one step without storing it.',
      bad: 'FROM node:22\nARG NPM_TOKEN\nRUN echo "//registry.npmjs.org/:_authToken=$NPM_TOKEN" > .npmrc && npm ci',
      good: 'FROM node:22\nRUN --mount=type=secret,id=npm_token \\\n    NPM_TOKEN="$(cat /run/secrets/npm_token)" npm ci',
      fixSafety: 'No fix: the secret has to be passed differently at build time too (`docker build --secret id=...`).',
      presets:
        '`hadolint`: every ARG and ENV name, global ARGs included, whatever the value (a word of the name as above, only `public` exempt), as DL3064. '
        + '`buildkit`: BuildKit\'s SecretsUsedInArgOrEnv exactly: a token of the name delimited by `_` only is one of the secret words and none is '
        + '`public`, `file` or `version`, whatever the value; ARG and ENV of stages only (not global ARGs, not ONBUILD triggers), reported on the whole instruction.',
    },
  },
  create(ctx) {
    const preset = ctx.settings.preset;
    const visit = (ins: KeyValueInstruction, info: InstructionInfo) => {
      if (preset === 'hadolint') {
        for (const { key } of ins.pairs) if (hasSecretName(key.value, HADOLINT_NOT_SECRET_WORDS)) report(ctx, ins.keyword, key.value, key);
        return;
      }
      // a global ARG is visible only to FROM lines; a stage that uses it declares it again
      if (!info.stage) return;
      if (preset === 'buildkit') {
        // BuildKit lints the instructions it dispatches: ONBUILD triggers run in the child image
        if (info.onbuild) return;
        for (const { key } of ins.pairs) if (hasBuildkitSecretName(key.value)) report(ctx, ins.keyword, key.value, ins);
        return;
      }
      // the author says so: `# The key is known to be a publicly viewable key.`
      if (commentSaysPublic(ctx.model, ins.start)) return;
      const names = ins.pairs.map((p) => p.key.value);
      for (const pair of ins.pairs) {
        if (!hasSecretName(pair.key.value) || isKeyOfKeyValuePair(pair.key.value, names) || hasPublicValue(pair, info)) continue;
        report(ctx, ins.keyword, pair.key.value, pair.key);
      }
    };
    return { ARG: visit, ENV: visit };
  },
});

/**
 * A value that is public anyway: `ARG NAME` without a default gets its value from --build-arg
 * (a secret passed that way), any other value is judged after substitution; one that depends
 * on an unknown ARG may be a secret.
 */
function hasPublicValue(pair: KeyValue, info: InstructionInfo): boolean {
  if (!pair.value) return false;
  const value = pair.separator === '=' ? info.scope.expand(pair.value.value).value : pair.value.value;
  return value !== undefined && isPublicValue(pair.key.value, value);
}

function report(ctx: RuleContext, keyword: string, name: string, span: Span): void {
  ctx.report({
    span,
    message: ctx.settings.preset === 'buildkit'
      ? `Do not use ARG or ENV instructions for sensitive data (${keyword} ${goQuote(name)})`
      : `\`${keyword} ${name}\` looks like a secret: values of ARG and ENV stay readable in the image; use \`RUN --mount=type=secret,id=...\` instead`,
  });
}
