import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { verifySarif } from '../../src/verify/sarif.ts';
import { getLinter } from '../../src/linter/index.ts';
import { measure, original, report, smaller } from './sample-report.ts';

const ajv = new Ajv({ allErrors: true, strict: false });
addFormatsModule.default(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(new URL('../../schemas/sarif-2.1.0.json', import.meta.url), 'utf8')));
const context = { rules: getLinter().metas, cwd: '/work/project', toolVersion: '0.1.0' };

describe('verify --format sarif', () => {
  it('reports each applied fix at its line with the measured effect, valid SARIF 2.1.0', () => {
    const log = JSON.parse(verifySarif(report(original, smaller), context));
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    const result = log.runs[0].results[0];
    expect(result).toMatchObject({ ruleId: 'apt-no-install-recommends', level: 'note' });
    expect(result.locations[0].physicalLocation.region.startLine).toBe(2);
    expect(result.message.text).toContain('image smaller by 39.2 MB');
    expect(log.runs[0].properties.verify.delta.sizeBytes).toBe(-39_200_000);
    expect(log.runs[0].invocations[0].exitCode).toBe(0);
  });

  it('turns a larger fixed image into an error result and exit code 1', () => {
    const larger = measure(400_000_000, 1, [{ line: 1, instruction: 'FROM debian:bookworm', sizeBytes: 400_000_000 }]);
    const log = JSON.parse(verifySarif(report(original, larger), context));
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    expect(log.runs[0].results.map((r: { level: string }) => r.level)).toEqual(['error', 'error']);
    expect(log.runs[0].invocations[0].exitCode).toBe(1);
  });
});
