import { afterEach, describe, expect, it, vi } from 'vitest';
import { oneShotV8Flags, tuneForOneShotRun } from '../../src/cli/v8-tuning.ts';

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

  it('sets the flags for a lint run, where the process exits after one pass', () => {
    const { setFlagsFromString } = withFakeV8();
    expect(tuneForOneShotRun(['--format', 'compact', 'Dockerfile'], '11.3.244.8')).toEqual(['--max-inlined-bytecode-size-cumulative=200']);
    expect(setFlagsFromString).toHaveBeenCalledWith('--max-inlined-bytecode-size-cumulative=200');
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
});
