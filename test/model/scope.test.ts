import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/model/index.ts';
import { Variables, type Variable } from '../../src/model/scope.ts';
import { workdirBefore, workdirSetBefore } from '../../src/model/workdir.ts';
import { parseDockerfile } from '../../src/parser/index.ts';

/** the scope of the file's last instruction */
function lastScope(text: string) {
  const model = buildModel(parseDockerfile(text));
  return model.instructions[model.instructions.length - 1]!.scope;
}

describe('ARG and ENV scope', () => {
  it('expands a whole ENV instruction with the values from before it (the Dockerfile reference example)', () => {
    const scope = lastScope('FROM x\nENV abc=hello\nENV abc=bye def=$abc\nENV ghi=$abc\nRUN true\n');
    expect(scope.value('abc')).toBe('bye');
    expect(scope.value('def')).toBe('hello');
    expect(scope.value('ghi')).toBe('bye');
  });

  it('does not see a variable the same ENV instruction defines', () => {
    const scope = lastScope('FROM x\nENV VAR5=aaa${VAR4}bbb VAR4=value4\nENV VAR6=ccc${VAR4}ddd\nRUN true\n');
    expect(scope.value('VAR5')).toBe('aaabbb');
    expect(scope.value('VAR6')).toBe('cccvalue4ddd');
  });

  it('expands a whole ARG instruction with the values from before it, in a stage and globally', () => {
    const scope = lastScope('ARG A=1\nARG A=2 B=$A\nFROM x\nARG C=3\nARG C=4 D=$C\nARG B\nRUN true\n');
    expect(scope.value('C')).toBe('4');
    expect(scope.value('D')).toBe('3');
    // a global ARG re-declared without a default takes its global value
    expect(scope.value('B')).toBe('1');
    expect(scope.has('A')).toBe(false);
  });

  it('gives each instruction the scope from before it, and the next one what it set', () => {
    const model = buildModel(parseDockerfile('FROM x\nENV A=1\nENV A=2 B=3\nRUN true\n'));
    const [, env1, env2, run] = model.instructions;
    expect(env1!.scope.has('A')).toBe(false);
    expect(env2!.scope.value('A')).toBe('1');
    expect(env2!.scope.has('B')).toBe(false);
    expect(run!.scope.value('A')).toBe('2');
    expect(run!.scope.value('B')).toBe('3');
  });

  it('gives each instruction the scope of its own point: earlier instructions keep theirs as later ones declare', () => {
    const model = buildModel(parseDockerfile('FROM x\nENV A=1\nRUN one\nENV A=2 B=$A\nRUN two\nARG C\nRUN three\n'));
    const scopes = model.instructions.filter((i) => i.ins.keyword === 'RUN').map((i) => i.scope);
    expect(scopes.map((s) => s.value('A'))).toEqual(['1', '2', '2']);
    expect(scopes.map((s) => s.has('B'))).toEqual([false, true, true]);
    expect(scopes.map((s) => [...s.vars.keys()].filter((k) => /^[A-C]$/.test(k)))).toEqual([['A'], ['A', 'B'], ['A', 'B', 'C']]);
    expect(scopes[2]!.vars.get('C')).toMatchObject({ kind: 'arg' });
    expect(scopes[2]!.value('C')).toBeUndefined();
  });

  it('a stage built on a stage built on another inherits the ENV of both', () => {
    const scope = lastScope('FROM x AS a\nENV A=1\nFROM a AS b\nENV B=2\nFROM b\nRUN true\n');
    expect(scope.value('A')).toBe('1');
    expect(scope.value('B')).toBe('2');
  });

  it('a stage built on another inherits its ARGs (BuildKit carries them into the child), not those of other stages', () => {
    const scope = lastScope('ARG G=g\nFROM x AS a\nARG A=1\nARG G\nARG N\nFROM x AS other\nARG O=2\nFROM a\nRUN true\n');
    expect(scope.value('A')).toBe('1');
    expect(scope.value('G')).toBe('g');
    expect(scope.has('N')).toBe(true);
    expect(scope.value('N')).toBeUndefined();
    expect(scope.has('O')).toBe(false);
  });
});

describe('Variables, the persistent scope', () => {
  const v = (name: string, value: string): Variable => ({ name, value, kind: 'env' });

  it('declares into a new scope and leaves the old one as it was', () => {
    const a = Variables.EMPTY.with(v('A', '1'));
    const b = a.with(v('B', '2')).with(v('A', '3'));
    expect([a.get('A')?.value, a.get('B'), a.size]).toEqual(['1', undefined, 1]);
    expect([b.get('A')?.value, b.get('B')?.value, b.size]).toEqual(['3', '2', 2]);
    expect(Variables.EMPTY.size).toBe(0);
  });

  it('iterates in the order names were first declared, a redeclared name in its first place', () => {
    const scope = Variables.EMPTY.with(v('Z', '1')).with(v('A', '2')).with(v('M', '3')).with(v('Z', '4'));
    expect([...scope.keys()]).toEqual(['Z', 'A', 'M']);
    expect([...scope.values()].map((x) => x.value)).toEqual(['4', '2', '3']);
    expect(new Map(scope)).toEqual(new Map([['Z', v('Z', '4')], ['A', v('A', '2')], ['M', v('M', '3')]]));
  });

  it('keeps every version of thousands of names apart (branches several levels deep)', () => {
    const versions = [Variables.EMPTY];
    for (let i = 0; i < 3000; i++) versions.push(versions[i]!.with(v(`N${i % 2000}`, String(i))));
    const last = versions[3000]!;
    expect(last.size).toBe(2000);
    expect(last.get('N5')?.value).toBe('2005');
    expect(last.get('N1999')?.value).toBe('1999');
    expect(versions[1000]!.get('N5')?.value).toBe('5');
    expect(versions[1000]!.get('N1000')).toBeUndefined();
    expect(versions[2500]!.get('N400')?.value).toBe('2400');
    expect(versions[2500]!.get('N600')?.value).toBe('600');
    expect([...last.keys()].slice(0, 3)).toEqual(['N0', 'N1', 'N2']);
  });

  it('keeps two names whose hashes are equal (V18T9 and VU900 under FNV-1a) apart', () => {
    const both = Variables.EMPTY.with(v('V18T9', 'a')).with(v('VU900', 'b'));
    expect([both.get('V18T9')?.value, both.get('VU900')?.value, both.size]).toEqual(['a', 'b', 2]);
    const changed = both.with(v('VU900', 'c'));
    expect([changed.get('V18T9')?.value, changed.get('VU900')?.value, changed.size]).toEqual(['a', 'c', 2]);
    expect(both.get('VU900')?.value).toBe('b');
    expect(both.has('V18T9X')).toBe(false);
  });

  it('a stage built FROM another starts from its scope as it ends, without a copy', () => {
    const model = buildModel(parseDockerfile('FROM x AS a\nENV A=1\nRUN one\nFROM a AS b\nRUN two\n'));
    const runs = model.instructions.filter((i) => i.ins.keyword === 'RUN');
    expect(runs[1]!.scope.vars).toBe(runs[0]!.scope.vars);
    expect(runs[1]!.scope.value('A')).toBe('1');
  });
});

describe('build arguments (--build-arg)', () => {
  const model = (text: string, buildArgs?: Record<string, string>) => buildModel(parseDockerfile(text), undefined, undefined, buildArgs);

  it('give a declared ARG its value, global or in a stage, and keep the default beside it', () => {
    const m = model('ARG TAG=1.0\nARG BASE\nFROM busybox:${TAG}\nARG BASE\nARG MODE=dev\nRUN true\n', { TAG: '2.0', BASE: 'alpine', MODE: 'prod' });
    expect(m.stages[0]!.image?.text).toBe('busybox:2.0');
    const scope = m.instructions[m.instructions.length - 1]!.scope;
    expect(scope.value('BASE')).toBe('alpine');
    expect(scope.value('MODE')).toBe('prod');
    expect(scope.vars.get('MODE')!.buildArg).toEqual({ default: 'dev' });
    expect(scope.vars.get('BASE')!.buildArg).toEqual({ default: undefined });
  });

  it('give nothing to a name no ARG declares, and change nothing without them', () => {
    const scope = model('FROM busybox\nARG A=1\nRUN echo $B\n', { B: 'x' }).instructions[2]!.scope;
    expect(scope.has('B')).toBe(false);
    expect(scope.vars.get('A')!.buildArg).toBeUndefined();
  });
});

describe('WORKDIR along the stages', () => {
  it('knows whether a WORKDIR of the stage or a stage it builds on came before, its value known or not', () => {
    const model = buildModel(parseDockerfile('FROM x AS a\nARG D\nWORKDIR $D\nFROM a AS b\nRUN true\nFROM x\nRUN true\n'));
    const runs = model.instructions.filter((i) => i.ins.keyword === 'RUN').map((i) => i.ins);
    expect(runs.map((ins) => workdirSetBefore(model, ins))).toEqual([true, false]);
    expect(runs.map((ins) => workdirBefore(model, ins))).toEqual([undefined, undefined]);
  });
});
