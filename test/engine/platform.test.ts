import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseBuildahInspect, parseDockerInspect } from '../../src/engine/history.ts';
import { formatPlatform, parsePlatform, platformMatches } from '../../src/engine/platform.ts';
import { verifyOutcome } from '../../src/verify/outcome.ts';
import { renderVerifyReport } from '../../src/verify/render.ts';
import type { ImageMeasure } from '../../src/verify/types.ts';
import { original, report, smaller } from './sample-report.ts';

const recorded = (name: string): string => readFileSync(fileURLToPath(new URL(`../fixtures/engine-output/${name}`, import.meta.url)), 'utf8');
const amd64 = { os: 'linux', architecture: 'amd64', variant: '' };

describe('--platform values', () => {
  it('parses os/arch[/variant] and single components; refuses lists and empty parts', () => {
    expect(parsePlatform('linux/amd64')).toEqual({ os: 'linux', architecture: 'amd64' });
    expect(parsePlatform('linux/arm/v7')).toEqual({ os: 'linux', architecture: 'arm', variant: 'v7' });
    expect(parsePlatform('arm64')).toEqual({ architecture: 'arm64' });
    expect(parsePlatform('linux')).toEqual({ os: 'linux' });
    for (const bad of ['linux/amd64,linux/arm64', '', 'linux/', '/amd64', 'linux/arm/v7/x', 'linux/amd 64']) expect(parsePlatform(bad), bad).toBeUndefined();
  });

  it('matches an image platform across the spellings engines accept', () => {
    const matches = (requested: string, built = amd64): boolean => platformMatches(parsePlatform(requested)!, built);
    expect(matches('linux/amd64')).toBe(true);
    expect(matches('Linux/x86_64')).toBe(true);
    expect(matches('amd64')).toBe(true);
    expect(matches('linux')).toBe(true);
    expect(matches('linux/arm64')).toBe(false);
    expect(matches('windows/amd64')).toBe(false);
    expect(matches('linux/aarch64', { os: 'linux', architecture: 'arm64', variant: 'v8' })).toBe(true);
    expect(matches('linux/arm64/v8', { os: 'linux', architecture: 'arm64', variant: '' })).toBe(true);
    expect(matches('linux/arm/v7', { os: 'linux', architecture: 'arm', variant: '' })).toBe(true);
    expect(matches('linux/arm/v6', { os: 'linux', architecture: 'arm', variant: 'v7' })).toBe(false);
    expect(matches('linux/arm', { os: 'linux', architecture: 'arm', variant: 'v6' })).toBe(true);
    expect(matches('linux/arm64', { os: '', architecture: '', variant: '' })).toBe(true);
  });

  it('reads the platform from recorded docker and buildah inspect output', () => {
    expect(parseDockerInspect(recorded('buildkit-inspect.json'), []).platform).toEqual(amd64);
    expect(parseBuildahInspect(recorded('buildah-inspect.json')).platform).toEqual(amd64);
    expect(formatPlatform({ os: 'linux', architecture: 'arm', variant: 'v7' })).toBe('linux/arm/v7');
  });
});

describe('verify outcome with --platform', () => {
  const notBuilt = (extra: Partial<ImageMeasure>): ImageMeasure => ({ ...original, built: false, sizeBytes: null, logFile: '/tmp/v/original.build.log', ...extra });

  it('an original that does not build for the platform: exit 2, one line naming the platform and the log', () => {
    const outcome = verifyOutcome({ ...report(notBuilt({}), smaller), platform: 'linux/arm64' });
    expect(outcome.exitCode).toBe(2);
    expect(outcome.message).toContain('does not build for linux/arm64 with docker 20.10.24 (BuildKit)');
    expect(outcome.message).toContain('for linux/arm64 its base images must exist for that platform');
    expect(outcome.message).toMatch(/log: \/tmp\/v\/original\.build\.log$/);
    expect(outcome.message).not.toContain('\n');
  });

  it('an image of another platform than asked counts as not built, saying which', () => {
    const failure = 'docker 20.10.24 (classic builder) built linux/amd64, not the requested linux/arm64';
    const wrong = { ...report(notBuilt({ failure }), smaller), platform: 'linux/arm64' };
    expect(verifyOutcome(wrong)).toEqual({ exitCode: 2, message: `the original Dockerfile does not build as asked: ${failure}; log: /tmp/v/original.build.log` });
    const text = renderVerifyReport(wrong);
    expect(text).toContain('verified with docker 20.10.24 (BuildKit) for linux/arm64');
    expect(text).toContain(`original: build failed: ${failure} (log: /tmp/v/original.build.log)`);
    // the fixed variant was never built: no table comparing it, no "no measurable change"
    expect(text).toMatch(/fixed: not built \(the original does not build\)$/);
    expect(text).not.toContain('compressed');
  });
});
