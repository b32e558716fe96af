import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import configSchema from '../../schemas/config.schema.json' with { type: 'json' };
import { didYouMean } from './suggest.ts';

export type ConfigKind = 'tslint-docker' | 'hadolint';

let validators: Record<ConfigKind, ValidateFunction> | undefined;

/** Compiled on first use, once per process: most runs of other commands never need it. */
function getValidators(): Record<ConfigKind, ValidateFunction> {
  if (validators === undefined) {
    // verbose: messages read `patternErrorMessage` and the allowed keys from the failing schema
    // strictTuples off: `[severity, options?]` is a tuple of one or two items on purpose
    const ajv = new Ajv({ verbose: true, allErrors: false, strictTuples: false });
    // VS Code shows this annotation in editors; we show it in errors
    ajv.addKeyword({ keyword: 'patternErrorMessage', schemaType: 'string' });
    ajv.addSchema(configSchema);
    const compile = (ref: string): ValidateFunction => {
      const validate = ajv.getSchema(ref);
      if (validate === undefined) throw new Error(`config schema has no ${ref}`);
      return validate;
    };
    validators = {
      'tslint-docker': compile(configSchema.$id),
      hadolint: compile(`${configSchema.$id}#/definitions/hadolintConfig`),
    };
  }
  return validators;
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
  const validate = getValidators()[kind];
  if (validate(content)) return null;
  const errors = validate.errors ?? [];
  const first = errors.find((e) => !COMBINATOR_KEYWORDS.has(e.keyword)) ?? errors[0];
  return first === undefined ? 'the configuration is invalid' : describeError(first);
}
