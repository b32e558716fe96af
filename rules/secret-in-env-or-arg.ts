import { defineRule } from '../src/linter/rule.ts';

/** name words that mark a credential (a word is delimited by `_`, `-`, `.` or the ends) */
const SECRET_WORDS = new Set(['apikey', 'auth', 'credential', 'credentials', 'key', 'password', 'passwd', 'pword', 'secret', 'token']);

function looksSecret(name: string): boolean {
  const words = name.toLowerCase().split(/[_.-]+/);
  return !words.includes('public') && words.some((w) => SECRET_WORDS.has(w));
}

export default defineRule({
  meta: {
    id: 'secret-in-env-or-arg',
    aliases: ['DL3064', 'SecretsUsedInArgOrEnv'],
    severity: 'warning',
    category: 'security',
    docs: {
      summary: 'Do not pass secrets through ARG or ENV',
      description: 'Reports ARG and ENV names that look like credentials: a word of the name (split at `_`, `-`, `.`) is one of apikey, auth, credential(s), key, password, passwd, pword, secret, token, unless a word is `public` (`PUBLIC_KEY`).',
      why: 'ENV values are stored in the image config and ARG values in its history and in the build cache metadata: anyone who can pull the image can read them. `RUN --mount=type=secret` hands a secret to one step without storing it.',
      bad: 'ARG NPM_TOKEN\nRUN echo "//registry.npmjs.org/:_authToken=$NPM_TOKEN" > .npmrc && npm ci',
      good: 'RUN --mount=type=secret,id=npm_token \\\n    NPM_TOKEN="$(cat /run/secrets/npm_token)" npm ci',
      fixSafety: 'No fix: the secret has to be passed differently at build time too (`docker build --secret id=...`).',
    },
  },
  create(ctx) {
    const check = (pairs: readonly { key: { value: string; start: number; end: number } }[], keyword: string) => {
      for (const { key } of pairs) {
        if (!looksSecret(key.value)) continue;
        ctx.report({
          span: key,
          message: `\`${keyword} ${key.value}\` looks like a secret: values of ARG and ENV stay readable in the image; use \`RUN --mount=type=secret,id=...\` instead`,
        });
      }
    };
    return {
      ARG: (ins) => check(ins.pairs, 'ARG'),
      ENV: (ins) => check(ins.pairs, 'ENV'),
    };
  },
});
