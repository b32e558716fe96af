import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import configSchema from '../../schemas/config.schema.json' with { type: 'json' };
import { formatJsonPath } from '../../src/config/schema.ts';

describe('config schema', () => {
  it('is a valid draft-07 schema (the loader skips this check at run time)', () => {
    const ajv = new Ajv({ strictTuples: false });
    ajv.addKeyword({ keyword: 'patternErrorMessage', schemaType: 'string' });
    expect(ajv.validateSchema(configSchema), JSON.stringify(ajv.errors)).toBe(true);
    expect(() => ajv.compile(configSchema)).not.toThrow();
  });
});

describe('JSON paths in messages', () => {
  it.each([
    ['', ''],
    ['/rules/apt-pin-versions', 'rules.apt-pin-versions'],
    ['/overrides/0/files/2', 'overrides[0].files[2]'],
    ['/labelSchema/org.opencontainers.image.url', 'labelSchema["org.opencontainers.image.url"]'],
    ['/rules/a~1b~0c', 'rules["a/b~c"]'],
    ['/$schema', '$schema'],
  ])('%j reads %j', (pointer, shown) => {
    expect(formatJsonPath(pointer)).toBe(shown);
  });
});
