import * as cosmiconfigModule from 'cosmiconfig';
import { describe, expect, it, vi } from 'vitest';
import { resolveConfig } from '../../src/config/index.ts';
import { fixture, knownRules } from './known-rules.ts';

// count explorers and searches made through the real cosmiconfig
const searches = vi.fn();
vi.mock('cosmiconfig', async (importOriginal) => {
  const actual = await importOriginal<typeof cosmiconfigModule>();
  return {
    ...actual,
    cosmiconfig: vi.fn((...args: Parameters<typeof actual.cosmiconfig>) => {
      const explorer = actual.cosmiconfig(...args);
      return {
        ...explorer,
        search: (from?: string) => {
          searches(args[0], from);
          return explorer.search(from);
        },
      };
    }),
  };
});

describe('explorers', () => {
  it('are made once per config family and reused for every file', async () => {
    await resolveConfig(fixture('nested/services/api/Dockerfile'), { knownRules });
    await resolveConfig(fixture('hadolint/project/images/base/Dockerfile'), { knownRules });
    await resolveConfig(fixture('nested/Dockerfile'), { knownRules });
    expect(vi.mocked(cosmiconfigModule.cosmiconfig).mock.calls.map(([name]) => name)).toEqual([
      'tslint-docker',
      'hadolint',
    ]);
  });

  it('search a folder once per process', async () => {
    await resolveConfig(fixture('formats/rc-yml/a.Dockerfile'), { knownRules });
    const afterFirst = searches.mock.calls.length;
    await resolveConfig(fixture('formats/rc-yml/b.Dockerfile'), { knownRules });
    expect(searches.mock.calls.length).toBe(afterFirst);
  });
});
