/**
 * LABEL values as BuildKit stores them, and the value kinds a label schema may require
 * (hadolint's `label-schema`: text, url, semver, hash, rfc3339, spdx, email).
 */
import type { KeyValue } from '../parser/ast.ts';
import type { Scope } from './scope.ts';
import { SPDX_EXCEPTION_IDS, SPDX_LICENSE_IDS } from './spdx-ids.ts';

export type LabelKind = 'text' | 'url' | 'semver' | 'hash' | 'rfc3339' | 'spdx' | 'email';

/**
 * The value a LABEL pair stores (quotes removed, variables expanded); undefined when it
 * depends on a variable that is undeclared or has no value known at lint time.
 */
export function labelValue(pair: KeyValue, scope: Scope): string | undefined {
  if (!pair.value) return '';
  return knownExpansion(pair.value.value, scope);
}

function knownExpansion(word: string, scope: Scope): string | undefined {
  const expansion = scope.expand(word);
  return expansion.undefinedRefs.length > 0 ? undefined : expansion.value;
}

// https://semver.org/#is-there-a-suggested-regular-expression-regex-to-check-a-semver-string
const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;
/** abbreviated (7+) or full SHA-1 commit ids, and full SHA-256 ids of SHA-256 repositories */
const GIT_HASH = /^(?:[0-9a-fA-F]{7,40}|[0-9a-fA-F]{64})$/;
/** RFC 3339 `date-time` (section 5.6): full date, `T` (or space, as the RFC allows), time with offset */
const RFC3339 = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[Tt ]([01]\d|2[0-3]):([0-5]\d):([0-5]\d|60)(\.\d+)?([Zz]|[+-]([01]\d|2[0-3]):[0-5]\d)$/;
/** RFC 5322 addr-spec: dot-atom or quoted local part, dot-atom domain or domain literal */
const ATEXT = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]";
const EMAIL = new RegExp(
  `^(?:${ATEXT}+(?:\\.${ATEXT}+)*|"(?:[^"\\\\\\r\\n]|\\\\.)*")@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*|\\[[^\\[\\]\\\\\\r\\n]*\\])$`,
);

/** whether `value` is of the kind; `text` accepts anything (only emptiness is checked, separately) */
export function isValidLabelValue(kind: string, value: string): boolean {
  switch (kind) {
    case 'url':
      return isAbsoluteUrl(value);
    case 'semver':
      return SEMVER.test(value);
    case 'hash':
      return GIT_HASH.test(value);
    case 'rfc3339':
      return isRfc3339(value);
    case 'spdx':
      return isSpdxExpression(value);
    case 'email':
      return isMailbox(value);
    default:
      return true;
  }
}

/** display name of an RFC 5322 name-addr: atoms, dots (obs-phrase) and quoted strings */
const DISPLAY_NAME = /^(?:[A-Za-z0-9!#$%&'*+/=?^_`{|}~.\- \t]|"(?:[^"\\]|\\.)*")*$/;

/** an RFC 5322 mailbox: `jane@example.com` or `Jane Doe <jane@example.com>` */
function isMailbox(value: string): boolean {
  if (EMAIL.test(value)) return true;
  const open = value.lastIndexOf('<');
  if (open === -1 || !value.endsWith('>')) return false;
  return DISPLAY_NAME.test(value.slice(0, open)) && EMAIL.test(value.slice(open + 1, -1));
}

function isAbsoluteUrl(value: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:\S+$/.test(value)) return false;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isRfc3339(value: string): boolean {
  const m = RFC3339.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && !leap ? 28 : DAYS_IN_MONTH[month - 1]!);
}

const LICENSES_LOWER: ReadonlySet<string> = new Set([...SPDX_LICENSE_IDS].map((id) => id.toLowerCase()));
const EXCEPTIONS_LOWER: ReadonlySet<string> = new Set([...SPDX_EXCEPTION_IDS].map((id) => id.toLowerCase()));
const MAX_SPDX_NESTING = 32;
const LICENSE_REF = /^(?:DocumentRef-[A-Za-z0-9.-]+:)?LicenseRef-[A-Za-z0-9.-]+$/;

/**
 * An SPDX license expression (SPDX spec, annex D): identifiers (case-insensitive, `+` allowed),
 * `LicenseRef-`, `WITH <exception>`, `AND`, `OR` and parentheses.
 */
export function isSpdxExpression(value: string): boolean {
  const tokens = value.replace(/[()]/g, ' $& ').trim().split(/\s+/);
  let pos = 0;
  let depth = 0;
  const peek = () => tokens[pos];
  const license = (): boolean => {
    const t = peek();
    if (t === undefined) return false;
    if (t === '(') {
      // nesting is bounded so a hostile label cannot exhaust the stack
      if (++depth > MAX_SPDX_NESTING) return false;
      pos++;
      if (!expression() || peek() !== ')') return false;
      pos++;
      depth--;
      return true;
    }
    const id = t.endsWith('+') ? t.slice(0, -1) : t;
    if (!LICENSES_LOWER.has(id.toLowerCase()) && !LICENSE_REF.test(t)) return false;
    pos++;
    if (peek()?.toUpperCase() === 'WITH') {
      pos++;
      const exception = peek();
      if (exception === undefined || !EXCEPTIONS_LOWER.has(exception.toLowerCase())) return false;
      pos++;
    }
    return true;
  };
  const expression = (): boolean => {
    if (!license()) return false;
    while (peek()?.toUpperCase() === 'AND' || peek()?.toUpperCase() === 'OR') {
      pos++;
      if (!license()) return false;
    }
    return true;
  };
  return value.trim() !== '' && expression() && pos === tokens.length;
}

export interface SchemaLabel {
  pair: KeyValue;
  /** the label key as stored (variables expanded when known) */
  name: string;
  /** the kind the schema requires for it */
  kind: string;
  /** the stored value; undefined when it depends on an unknown variable */
  value: string | undefined;
}

/** the label key as stored; the key as written when it depends on an unknown variable */
export function labelKey(pair: KeyValue, scope: Scope): string {
  return knownExpansion(pair.key.value, scope) ?? pair.key.value;
}

/** the pairs of a LABEL instruction that the schema describes, with their stored values */
export function schemaLabels(pairs: readonly KeyValue[], scope: Scope, schema: Readonly<Record<string, string>>): SchemaLabel[] {
  const found: SchemaLabel[] = [];
  for (const pair of pairs) {
    const name = labelKey(pair, scope);
    const kind = Object.hasOwn(schema, name) ? schema[name] : undefined;
    if (kind !== undefined) found.push({ pair, name, kind, value: labelValue(pair, scope) });
  }
  return found;
}
