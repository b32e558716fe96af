import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import configSchema from '../../schemas/config.schema.json' with { type: 'json' };
import { didYouMean } from './suggest.ts';

export type ConfigKind = 'tslint-docker' | 'hadolint';

const SCHEMA_REFS: Record<ConfigKind, string> = {
  'tslint-docker': configSchema.$id,
  hadolint: `${configSchema.$id}#/definitions/hadolintConfig`,
};

let ajv: Ajv | undefined;

/** Compiled on first use, once per process and per kind: a run rarely meets both kinds. */
function getValidator(kind: ConfigKind): ValidateFunction {
  if (ajv === undefined) {
    // verbose: messages read `patternErrorMessage` and the allowed keys from the failing schema;
    // strictTuples off: `[severity, options?]` is a tuple of one or two items on purpose;
    // validateSchema off: checking our own schema against draft-07 costs ~100 ms a run, a test does it
    ajv = new Ajv({ verbose: true, allErrors: false, strictTuples: false, validateSchema: false });
    // VS Code shows this annotation in editors; we show it in errors
    ajv.addKeyword({ keyword: 'patternErrorMessage', schemaType: 'string' });
    ajv.addSchema(configSchema);
  }
  const validate = ajv.getSchema(SCHEMA_REFS[kind]);
  if (validate === undefined) throw new Error(`config schema has no ${SCHEMA_REFS[kind]}`);
  return validate;
}

/** `/overrides/0/rules/a~1b` -> `overrides[0].rules["a/b"]` */
export function formatJsonPath(pointer: string): string {
  if (pointer === '') return '';
  let out = '';
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    if (/^\d+$/.test(segment)) out += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

const ARTICLE_TYPES: Record<string, string> = {
  object: 'an object',
  array: 'an array',
  string: 'a string',
  boolean: 'true or false',
  number: 'a number',
  integer: 'an integer',
};

function describeType(type: unknown): string {
  const first = Array.isArray(type) ? type.find((t) => t !== 'null') : type;
  return ARTICLE_TYPES[String(first)] ?? String(first);
}

/** One sentence for one schema violation, naming the JSON path and what is allowed. */
function describeError(error: ErrorObject): string {
  const where = formatJsonPath(error.instancePath);
  const subject = where === '' ? 'the configuration' : where;
  const params = error.params as Record<string, unknown>;
  const parentSchema = error.parentSchema as Record<string, unknown> | undefined;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const allowed = Object.keys((parentSchema?.properties as object | undefined) ?? {});
      const place = where === '' ? '' : ` in ${where}`;
      return `unknown key '${key}'${place}${didYouMean(key, allowed)}; allowed: ${allowed.join(', ')}`;
    }
    case 'enum':
      return `${subject} must be one of ${(params.allowedValues as unknown[]).filter((v) => v !== null).join(', ')}`;
    case 'type':
      return `${subject} must be ${describeType(params.type)}`;
    case 'pattern':
      return `${subject} ${typeof parentSchema?.patternErrorMessage === 'string' ? parentSchema.patternErrorMessage : `must match ${String(params.pattern)}`}`;
    case 'required':
      return `${subject} must have '${String(params.missingProperty)}'`;
    case 'minItems':
      return `${subject} must have at least ${String(params.limit)} item(s)`;
    case 'maxItems':
      return `${subject} must have at most ${String(params.limit)} items`;
    case 'minLength':
      return `${subject} must not be empty`;
    default:
      return `${subject} ${error.message ?? 'is invalid'}`;
  }
}

/** Combinators report "must match then schema" after the error that explains it; skip them. */
const COMBINATOR_KEYWORDS = new Set(['if', 'anyOf', 'oneOf', 'allOf', 'not']);

/** Null when `content` is valid, else one message for the first violation. */
export function validateConfigContent(kind: ConfigKind, content: unknown): string | null {
  const validate = getValidator(kind);
  if (validate(content)) return null;
  const errors = validate.errors ?? [];
  const first = errors.find((e) => !COMBINATOR_KEYWORDS.has(e.keyword)) ?? errors[0];
  return first === undefined ? 'the configuration is invalid' : describeError(first);
}
