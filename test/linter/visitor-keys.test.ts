/**
 * The engine skips creating a rule when the file has nothing its visitors visit, knowing
 * the visitors from the rule's first create(). That holds only if every create() returns
 * the same visitors (or none at all, when its settings turn it off) and reports nothing by
 * itself: checked here for every rule on files of different shapes and with settings.
 */
import { describe, expect, it } from 'vitest';
import type { RuleContext, RuleSettings, RuleVisitors } from '../../src/linter/rule.ts';
import { buildModel } from '../../src/model/index.ts';
import { parseDockerfile } from '../../src/parser/index.ts';
import { allRules as rules } from '../../rules/index.ts';

const SETTINGS: RuleSettings[] = [
  { preset: 'recommended', trustedRegistries: [], labelSchema: {}, strictLabels: false, options: {} },
  { preset: 'recommended', trustedRegistries: ['docker.io'], labelSchema: { maintainer: 'email' }, strictLabels: true, options: {} },
  { preset: 'hadolint', trustedRegistries: [], labelSchema: {}, strictLabels: false, options: {} },
  { preset: 'buildkit', trustedRegistries: [], labelSchema: {}, strictLabels: false, options: {} },
  { preset: 'all', trustedRegistries: [], labelSchema: {}, strictLabels: false, options: {} },
];
const FILES = [
  'FROM scratch\n',
  'ARG V=1\nFROM debian:12 AS build\nRUN apt-get update && apt-get install -y curl\nCOPY . /src\nFROM build\nUSER app\nCMD ["app"]\n',
  'FROM alpine\nONBUILD RUN apk add curl\nLABEL a=b\nHEALTHCHECK CMD true\nEXPOSE 80\nVOLUME /data\nSHELL ["/bin/bash", "-c"]\n',
  '# no instructions at all\n',
];

function visitorKeys(visitors: RuleVisitors): string[] {
  return Object.keys(visitors).filter((k) => typeof visitors[k as keyof RuleVisitors] === 'function').sort();
}

describe('rule visitors', () => {
  for (const rule of rules) {
    it(`${rule.meta.id}: the same visitors for every file, and no report from create()`, () => {
      const seen = SETTINGS.flatMap((settings) => FILES.map((source) => {
        const df = parseDockerfile(source);
        const ctx: RuleContext = {
          model: buildModel(df), df, source,
          settings,
          report: () => { throw new Error('reported from create()'); },
        };
        return visitorKeys(rule.create(ctx));
      }));
      const visiting = seen.filter((keys) => keys.length > 0);
      expect(visiting.length).toBeGreaterThan(0);
      for (const keys of visiting) expect(keys).toEqual(visiting[0]);
    });
  }
});
