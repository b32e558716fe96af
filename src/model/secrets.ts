/**
 * Whether an ARG or ENV holds a credential: its name says so (a word such as `password` or
 * `token`), and its value is not one that is public anyway (a GPG key fingerprint, a path to a
 * key file, a version, an empty placeholder). `secret-in-env-or-arg` reads it; BuildKit's own
 * name rule (SecretsUsedInArgOrEnv) is here too, for the `buildkit` preset.
 */
import type { DockerfileModel } from './model.ts';
import { perModel } from './per-model.ts';

/** name words that mark a credential */
const SECRET_WORDS = new Set(['apikey', 'auth', 'credential', 'credentials', 'key', 'password', 'passwd', 'pword', 'secret', 'token']);
/** name words that say the value is not the credential itself: BuildKit's three, and where to find one */
export const NOT_SECRET_WORDS: ReadonlySet<string> = new Set(['public', 'file', 'version', 'path', 'dir', 'url']);
/** hadolint's DL3064 exempts only `public` */
export const HADOLINT_NOT_SECRET_WORDS: ReadonlySet<string> = new Set(['public']);

/** the words of a name: split at `_`, `-` and `.`, lower-cased (`AWS_SECRET_ACCESS_KEY` -> aws, secret, access, key) */
function nameWords(name: string): string[] {
  return name.toLowerCase().split(/[_.-]+/);
}

/** Whether the name reads as a credential: a secret word, and no word that says it is something else. */
export function hasSecretName(name: string, notSecret: ReadonlySet<string> = NOT_SECRET_WORDS): boolean {
  const words = nameWords(name);
  return words.some((w) => SECRET_WORDS.has(w)) && !words.some((w) => notSecret.has(w));
}

/**
 * BuildKit's rule (dockerfile2llb's validateNoSecretKey): a token of the name delimited by `_`
 * or the ends (case-insensitive) is one of the secret words, and none is public, file or version.
 */
const BUILDKIT_DENY = /(?:_|^)(?:apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)(?:_|$)/i;
const BUILDKIT_ALLOW = /(?:_|^)(?:public|file|version)(?:_|$)/i;

export function hasBuildkitSecretName(name: string): boolean {
  return BUILDKIT_DENY.test(name) && !BUILDKIT_ALLOW.test(name);
}

/** a GPG key id or fingerprint, or a group of one (`B42F 6819 ...`) */
const HEX_GROUP = /^(0x)?[0-9A-Fa-f]{4,40}$/;
const GPG_NAME_WORDS = new Set(['gpg', 'pgp', 'gnupg', 'keys', 'keyid', 'fingerprint', 'fingerprints']);
/** placeholders that mean "set me at run time": `**None**`, `_`, `-`, `<password>`, `{{token}}`, `${TOKEN}` */
const PLACEHOLDER = /^([^A-Za-z0-9]*|\W*(none|null|nil|undefined|unset)\W*|<[^<>]*>|\{\{[^{}]*\}\}|\$\{[^{}]*\})$/i;
/** a value that says it is not a real one: `FAKE_TO_GENERATE_WARNING_OUTPUT`, `dummy`, `example-key` */
const SAYS_FAKE = /(^|[^A-Za-z])(fake|dummy|example|placeholder)([^A-Za-z]|$)/i;
/** a value that is only the generic word: `password`, `secret`, `changeme` hide nothing */
const GENERIC_WORD = /^(password|passwd|secret|token|changeme|change-me|change_me|changeit)$/i;
/** a comment that says the value is not a secret: "a dummy token", "the key is publicly viewable" */
const COMMENT_SAYS_PUBLIC = /\b(public(ly)?|dummy|fake|example|placeholder)\b/i;
const BOOLEAN_OR_NUMBER = /^(true|false|yes|no|on|off|enabled?|disabled?|\d+(\.\d+)?[smhdkKMG]?)$/i;
const VERSION = /^v?\d+(\.\d+)+([-+~.][0-9A-Za-z.-]*)?$/;
/** an absolute or home-relative path (Unix or Windows): where a key is, not the key */
const PATH = /^(\/|~\/|\.{1,2}\/|[A-Za-z]:[\\/]|\\\\)/;
/** a URL without credentials in it */
const URL_WITHOUT_USERINFO = /^[a-z][a-z0-9+.-]*:\/\/[^/@\s]+(\/\S*)?$/i;

/**
 * Whether a value of a credential-named variable is public anyway: empty, a placeholder or a
 * value that says it is fake, a flag or number, a version, a path or URL, or GPG fingerprints
 * under a GPG-named variable.
 */
export function isPublicValue(name: string, value: string): boolean {
  const v = value.trim();
  if (PLACEHOLDER.test(v) || SAYS_FAKE.test(v) || GENERIC_WORD.test(v) || BOOLEAN_OR_NUMBER.test(v) || VERSION.test(v) || PATH.test(v) || URL_WITHOUT_USERINFO.test(v)) return true;
  return nameWords(name).some((w) => GPG_NAME_WORDS.has(w)) && isGpgFingerprints(v);
}

/**
 * Whether the comment lines right above an instruction say its value is public or a dummy; the
 * comment may head a block of ARG/ENV lines that it is about.
 */
export function commentSaysPublic(model: DockerfileModel, instructionStart: number): boolean {
  const line = model.df.lines.position(instructionStart).line;
  // 1-based: the line above is index line - 2 of the 0-based flags
  return line >= 2 && publicBlocksOf(model)[line - 2] === true;
}

/**
 * Per line (0-based), whether it is in a block of comment and ARG/ENV lines whose comments,
 * from the block's top down to this line, say "public": one pass over the file, where walking
 * up from each instruction was quadratic in a file of ARG and ENV lines.
 */
const publicBlocksOf = perModel((model): boolean[] => {
  const { text, lineStarts } = model.df.lines;
  const flags: boolean[] = [];
  let inPublicBlock = false;
  for (let i = 0; i < lineStarts.length; i++) {
    const end = i + 1 < lineStarts.length ? lineStarts[i + 1]! - 1 : text.length;
    const line = text.slice(lineStarts[i], end).replace(/\r$/, '');
    const comment = /^\s*#/.test(line);
    inPublicBlock = (comment || /^\s*(ARG|ENV)\s/i.test(line)) && (inPublicBlock || (comment && COMMENT_SAYS_PUBLIC.test(line)));
    flags.push(inPublicBlock);
  }
  return flags;
});

/** one or more GPG key ids or fingerprints, separated by spaces */
function isGpgFingerprints(value: string): boolean {
  const groups = value.split(/\s+/);
  return groups.every((g) => HEX_GROUP.test(g)) && groups.join('').replace(/0x/g, '').length >= 16;
}

/**
 * `Filters__0__Key=ProcessId` beside `Filters__0__Value=1`: the key of a key/value setting (a
 * map entry, a filter), not a key that unlocks something.
 */
export function isKeyOfKeyValuePair(name: string, siblings: readonly string[]): boolean {
  const m = /^(.*[_.-])key$/i.exec(name);
  if (!m) return false;
  const value = `${m[1]}value`.toLowerCase();
  return siblings.some((s) => s.toLowerCase() === value);
}
