import { afterEach, describe, expect, it, vi } from 'vitest';
import { oneShotV8Flags, tuneForOneShotRun, YOUNG_GENERATION_CAP } from '../../src/cli/v8-tuning.ts';

describe('V8 tuning for one-shot runs', () => {
  afterEach(() => vi.restoreAllMocks());

  it('lowers the inlining budget on V8 11 (Node 20) only', () => {
    expect(oneShotV8Flags('11.3.244.8-node.33')).toEqual(['--max-inlined-bytecode-size-cumulative=200']);
    expect(oneShotV8Flags('12.4.254.21-node.33')).toEqual([]);
    expect(oneShotV8Flags('13.6.233.10-node.24')).toEqual([]);
    expect(oneShotV8Flags('not a version')).toEqual([]);
  });

  function withFakeV8() {
    const setFlagsFromString = vi.fn();
    const builtin = vi.spyOn(process, 'getBuiltinModule').mockReturnValue({ setFlagsFromString } as never);
    return { setFlagsFromString, builtin };
  }

  it('chooses the flags for a lint run, and sets them only once the run has files enough', async () => {
    vi.resetModules();
    const tuning = await import('../../src/cli/v8-tuning.ts');
    const { setFlagsFromString, builtin } = withFakeV8();
    expect(tuning.tuneForOneShotRun(['--format', 'compact', 'Dockerfile'], '11.3.244.8')).toEqual(['--max-inlined-bytecode-size-cumulative=200']);
    // a run over one file ends before this: it never loads node:v8
    expect(builtin).not.toHaveBeenCalled();
    tuning.applyOneShotFlags();
    tuning.applyOneShotFlags();
    expect(setFlagsFromString).toHaveBeenCalledExactlyOnceWith('--max-inlined-bytecode-size-cumulative=200');
  });

  it('sets the chosen flags from the lint loop, before its first look at the new space', async () => {
    vi.resetModules();
    const tuning = await import('../../src/cli/v8-tuning.ts');
    tuning.tuneForOneShotRun(['Dockerfile'], '11.3.244.8');
    const heap = { getHeapSpaceStatistics: vi.fn(() => []), setFlagsFromString: vi.fn() };
    expect(tuning.limitYoungGeneration(heap)).toBe(false);
    expect(tuning.limitYoungGeneration(heap)).toBe(false);
    expect(heap.setFlagsFromString).toHaveBeenCalledExactlyOnceWith('--max-inlined-bytecode-size-cumulative=200');
  });

  it('keeps V8 defaults for the language server, which lives long enough for peak speed', () => {
    const { setFlagsFromString, builtin } = withFakeV8();
    expect(tuneForOneShotRun(['lsp', '--stdio'], '11.3.244.8')).toEqual([]);
    expect(setFlagsFromString).not.toHaveBeenCalled();
    expect(builtin).not.toHaveBeenCalled();
  });

  it('loads nothing where there is nothing to set', () => {
    const { builtin } = withFakeV8();
    expect(tuneForOneShotRun(['Dockerfile'], '13.6.233.10')).toEqual([]);
    expect(builtin).not.toHaveBeenCalled();
  });

  describe('the young generation of a one-shot run', () => {
    // the module keeps whether a one-shot run was tuned: each case starts from a fresh copy
    async function freshTuning() {
      vi.resetModules();
      return import('../../src/cli/v8-tuning.ts');
    }
    function fakeHeap(newSpaceSizes: number[]) {
      const sizes = [...newSpaceSizes];
      return {
        getHeapSpaceStatistics: vi.fn(() => [
          { space_name: 'old_space', space_size: 64 << 20, space_used_size: 0, space_available_size: 0, physical_space_size: 0 },
          { space_name: 'new_space', space_size: sizes.shift()!, space_used_size: 0, space_available_size: 0, physical_space_size: 0 },
        ]),
        setFlagsFromString: vi.fn(),
      };
    }

    it('stops growing once the new space reaches the cap, and then looks no more', async () => {
      const tuning = await freshTuning();
      withFakeV8();
      tuning.tuneForOneShotRun(['Dockerfile'], '13.6.233.10');
      const heap = fakeHeap([1 << 20, 8 << 20, YOUNG_GENERATION_CAP + (1 << 19)]);
      expect([tuning.limitYoungGeneration(heap), tuning.limitYoungGeneration(heap)]).toEqual([false, false]);
      expect(heap.setFlagsFromString).not.toHaveBeenCalled();
      expect(tuning.limitYoungGeneration(heap)).toBe(true);
      expect(heap.setFlagsFromString).toHaveBeenCalledExactlyOnceWith('--semi-space-growth-factor=1');
      expect(tuning.limitYoungGeneration(heap)).toBe(false);
      expect(heap.getHeapSpaceStatistics).toHaveBeenCalledTimes(3);
    });

    it('leaves V8 alone for library callers and the language server', async () => {
      const library = await freshTuning();
      const heap = fakeHeap([YOUNG_GENERATION_CAP * 4]);
      expect(library.limitYoungGeneration(heap)).toBe(false);
      const server = await freshTuning();
      server.tuneForOneShotRun(['lsp', '--stdio'], '13.6.233.10');
      expect(server.limitYoungGeneration(heap)).toBe(false);
      expect(heap.getHeapSpaceStatistics).not.toHaveBeenCalled();
      expect(heap.setFlagsFromString).not.toHaveBeenCalled();
    });
  });
});
