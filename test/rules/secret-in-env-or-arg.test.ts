import rule from '../../rules/secret-in-env-or-arg.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

const hadolint = { preset: 'hadolint' } as const;
const buildkit = { preset: 'buildkit' } as const;

ruleTester(rule, {
  valid: [
    { name: 'a generic word is no secret', code: 'FROM postgres:16\nENV POSTGRES_PASSWORD=password\n' },
    { name: 'the comment above says it is public or a dummy', code: 'FROM alpine:3.20\n# The key is known to be a publicly viewable key.\nENV MARLIN_ENDPOINT=https://api.example.com\nENV MARLIN_API_KEY=SI7YliKTll5lLPOqPxtJZ49oZ7LgVcqG5sv11bkt\n# Add a dummy API token to trigger secrets detection\nENV GITHUB_API_TOKEN="ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ1234567890"\n' },
    'ARG foobar\nFROM debian\nENV foobar=barfoo KEYBOARD=us TOKENIZER=x\n',
    { name: 'public keys are not secrets', code: 'FROM debian\nARG GPG_PUBLIC_KEY\n' },
    { name: 'a global ARG is seen by FROM lines only', code: 'ARG NPM_TOKEN\nFROM node:22\n' },
    { name: 'GPG fingerprints', code: 'FROM python:3.12\nENV GPG_KEY A035C8C19219BA821ECEA86B64E628F8D684696D\nENV GPG_KEYS="B42F6819007F00F88E364FD4036A9C25BF357DD4 0x4DC9676CEF9A83E9"\n' },
    { name: 'a fingerprint written in groups', code: 'FROM debian\nENV NODE_GPG_KEY="B42F 6819 007F 00F8 8E36 4FD4 036A 9C25 BF35 7DD4"\n' },
    { name: 'paths, files, versions, URLs', code: 'FROM debian\nENV SSL_KEY=/etc/ssl/private/k.pem REDIS_PASSWORD_FILE= AUTH_VERSION=1.2 TOKEN_URL=https://auth.example.com/token\nARG MOSQUITTO_AUTH_VERSION\n' },
    { name: 'empty values and placeholders', code: 'FROM debian\nENV MARIADB_ROOT_PASSWORD="" S3_SECRET_ACCESS_KEY=**None** sa_password="_" API_KEY=<your-key>\n' },
    { name: 'flags and numbers', code: 'FROM debian\nENV ALLOW_EMPTY_PASSWORD=no TOKEN_TTL=3600\n' },
    { name: 'a value that says it is fake', code: 'FROM debian\nARG AWS_SECRET_ACCESS_KEY=FAKE_TO_GENERATE_WARNING_OUTPUT\n' },
    { name: 'the key of a key/value setting', code: 'FROM debian\nENV Filters__0__Key=ProcessId Filters__0__Value=1\n' },
    { name: 'a reference to a public value', code: 'FROM debian\nARG KEY_DIR=/keys\nENV SIGNING_KEY=$KEY_DIR/signing.pem\n' },
    { name: 'buildkit: `-` and `.` do not delimit its tokens', code: 'FROM debian\nENV API-KEY=x db.password=y\n', options: buildkit },
    { name: 'buildkit: ONBUILD triggers run in the child image', code: 'FROM debian\nONBUILD ARG NPM_TOKEN\n', options: buildkit },
    { name: 'buildkit: global ARGs are not checked', code: 'ARG NPM_TOKEN\nFROM debian\n', options: buildkit },
  ],
  invalid: [
    {
      name: 'an ARG without default gets the secret from --build-arg',
      code: 'FROM node:22\nARG NPM_TOKEN\nRUN npm ci\n',
      errors: [{ line: 2, column: 5, endColumn: 14, message: '`ARG NPM_TOKEN` looks like a secret: values of ARG and ENV stay readable in the image; use `RUN --mount=type=secret,id=...` instead' }],
    },
    { name: 'ENV, lower case, several pairs', code: 'FROM debian\nENV a=1 my_password=hunter2 db.auth=y\n', errors: 2 },
    { name: 'a hard-coded password in the legacy form', code: 'FROM mysql:8\nENV MYSQL_PASSWORD gordonpassword\n', errors: [{ line: 2, column: 5 }] },
    { name: 'an ENV copied from an ARG without default', code: 'FROM debian\nARG TOKEN\nENV GITHUB_TOKEN=$TOKEN\n', errors: [{ line: 2 }, { line: 3 }] },
    { name: 'a fingerprint-looking value under a name not about GPG', code: 'FROM debian\nENV API_TOKEN=A035C8C19219BA821ECEA86B64E628F8D684696D\n', errors: 1 },
    { name: 'ONBUILD and a later stage', code: 'FROM debian AS a\nONBUILD ARG NPM_TOKEN\nFROM a\nENV API-KEY x\n', errors: 2 },
    // hadolint's DL3064: names only, global ARGs too
    { name: 'hadolint: global ARG, GPG key, *_FILE', code: 'ARG AWS_ACCESS_KEY_ID\nFROM debian\nENV GPG_KEY A035C8C19219BA821ECEA86B64E628F8D684696D\nENV REDIS_PASSWORD_FILE=/run/s\n', options: hadolint, errors: [{ line: 1 }, { line: 3 }, { line: 4 }] },
    // BuildKit's SecretsUsedInArgOrEnv: `_` tokens, public/file/version allowed, on the instruction
    {
      name: 'buildkit: the whole instruction, once per name, GPG fingerprints too',
      code: 'FROM debian\nENV GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D AUTH=""\nARG DB_PATH_KEY\n',
      options: buildkit,
      errors: [{ line: 2, column: 1, endColumn: 61 }, { line: 2, column: 1 }, { line: 3, column: 1, endColumn: 16 }],
    },
    { name: 'buildkit: *_FILE and *_VERSION allowed, *_PATH is not', code: 'FROM debian\nENV PASSWORD_FILE=/s TOKEN_VERSION=1 SECRET_PATH=/s\n', options: buildkit, errors: 1 },
  ],
});
