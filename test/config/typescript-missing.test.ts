import * as nodeModule from 'node:module';
import { describe, it, vi } from 'vitest';
import { resolveConfig } from '../../src/config/index.ts';
import { expectConfigError, fixture, knownRules, shown } from './known-rules.ts';

// as when tslint-docker is installed without its devDependencies: `typescript` does not resolve
vi.mock('node:module', async (importOriginal) => {
  const actual = await importOriginal<typeof nodeModule>();
  return {
    ...actual,
    createRequire: (from: string | URL) => {
      const require = actual.createRequire(from);
      const resolve = (id: string) => {
        if (id === 'typescript') throw Object.assign(new Error(`Cannot find module '${id}'`), { code: 'MODULE_NOT_FOUND' });
        return require.resolve(id);
      };
      return Object.assign((id: string) => require(id), require, { resolve });
    },
  };
});

describe('a TypeScript config without typescript installed', () => {
  it('is refused with a message saying what to do', () =>
    expectConfigError(
      resolveConfig(fixture('formats/config-ts/Dockerfile'), { knownRules }),
      `${shown('formats/config-ts/tslint-docker.config.ts')}: a TypeScript config needs the 'typescript' package, which is not installed: install it or use tslint-docker.config.mjs`,
    ));
});
