import { describe, expect, it } from 'vitest';
import { buildModel, type Stage } from '../../src/model/index.ts';
import { wgetIsBusybox } from '../../src/model/distro.ts';
import { startCommand } from '../../src/model/privileges.ts';
import { alongChain, buildsOn, rootStage, stageChain } from '../../src/model/stage-chain.ts';
import { effectiveUser, userBefore } from '../../src/model/user.ts';
import { parseDockerfile } from '../../src/parser/index.ts';

const modelOf = (text: string) => buildModel(parseDockerfile(text));
const chainOf = (n: number) => 'FROM alpine AS s0\n' + Array.from({ length: n }, (_, i) => `FROM s${i} AS s${i + 1}\n`).join('');

describe('alongChain', () => {
  it('answers each stage once, the stages it builds on first', () => {
    const model = modelOf('FROM x AS a\nFROM a AS b\nFROM b AS c\nFROM a AS d\nFROM y AS e\n');
    const asked: string[] = [];
    const depth = alongChain<number, []>((stage, fromBase) => {
      asked.push(stage.name!);
      return fromBase === undefined ? 0 : fromBase + 1;
    });
    const [a, b, c, d, e] = model.stages as [Stage, Stage, Stage, Stage, Stage];
    expect([depth(c), depth(d), depth(b), depth(e), depth(c), depth(a)]).toEqual([2, 1, 1, 0, 2, 0]);
    expect(asked).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(rootStage(c)).toBe(a);
    expect(stageChain(c)).toEqual([c, b, a]);
  });

  it('walks a chain of 20,000 stages without recursion', () => {
    const model = modelOf(chainOf(20000) + 'USER app\n');
    const last = model.stages[20000]!;
    expect(rootStage(last)).toBe(model.stages[0]);
    expect(effectiveUser(model.stages[19999]!)).toBeUndefined();
    expect(effectiveUser(last)?.argument?.value).toBe('app');
    expect(buildsOn(model, last, model.stages[0]!)).toBe(true);
  });
});

describe('buildsOn', () => {
  it('is true for the stage itself and the stages it builds on, in a tree of stages', () => {
    const model = modelOf('FROM x AS a\nFROM a AS b\nFROM b AS c\nFROM a AS d\nFROM y AS e\nFROM e AS f\n');
    const [a, b, c, d, e, f] = model.stages as [Stage, Stage, Stage, Stage, Stage, Stage];
    const pairs: [Stage, Stage, boolean][] = [
      [c, c, true], [c, b, true], [c, a, true], [d, a, true], [f, e, true],
      [a, c, false], [d, b, false], [c, d, false], [f, a, false], [b, e, false],
    ];
    for (const [stage, other, expected] of pairs) expect([stage.name, other.name, buildsOn(model, stage, other)]).toEqual([stage.name, other.name, expected]);
  });
});

describe('what a stage inherits along its chain', () => {
  const start = (text: string) => {
    const { entrypoint, cmd } = startCommand(modelOf(text).finalStage!);
    return [entrypoint?.command?.kind === 'exec' ? entrypoint.command.elements[0]!.value : undefined, cmd?.command?.kind === 'exec' ? cmd.command.elements[0]!.value : undefined];
  };
  it.each([
    ['FROM x AS a\nENTRYPOINT ["e"]\nCMD ["c"]\nFROM a\nRUN true\n', ['e', 'c']],
    // an ENTRYPOINT resets the CMD of a stage it builds on, not one of its own stage (before or after it)
    ['FROM x AS a\nENTRYPOINT ["e"]\nCMD ["c"]\nFROM a\nENTRYPOINT ["f"]\n', ['f', undefined]],
    ['FROM x AS a\nCMD ["c"]\nFROM a\nCMD ["d"]\nENTRYPOINT ["f"]\n', ['f', 'd']],
    ['FROM x AS a\nENTRYPOINT ["e"]\nFROM a\nCMD ["d"]\n', ['e', 'd']],
    ['FROM x AS a\nENTRYPOINT ["e"]\nFROM a AS b\nCMD ["d"]\nFROM b\nRUN true\n', ['e', 'd']],
    ['FROM x AS a\nCMD ["c"]\nENTRYPOINT ["e"]\nCMD ["d"]\nFROM a\n', ['e', 'd']],
  ])('start command of %j', (text, expected) => expect(start(text)).toEqual(expected));

  it('the user before `USER root`: in its own stage, else the last one of the stages it builds on', () => {
    const model = modelOf('FROM x AS a\nUSER app\nFROM a AS b\nRUN true\nUSER root\nFROM b AS c\nUSER web\nUSER root\nFROM b AS d\nUSER 0\nUSER root\n');
    const [, b, c, d] = model.stages as [Stage, Stage, Stage, Stage];
    const rootOf = (s: Stage) => s.instructions.filter((i) => i.keyword === 'USER').at(-1)!;
    expect(userBefore(model, b, rootOf(b))).toBe('app');
    expect(userBefore(model, c, rootOf(c))).toBe('web');
    expect(userBefore(model, d, rootOf(d))).toBeUndefined();
  });

  it('BusyBox wget until a RUN installs GNU wget, in the stage or one it builds on', () => {
    const model = modelOf('FROM alpine AS a\nRUN wget -q x\nRUN apk add wget\nFROM a AS b\nRUN wget -q y\nFROM alpine AS c\nRUN wget z\n');
    const [a, b, c] = model.stages as [Stage, Stage, Stage];
    expect(wgetIsBusybox(model, a, a.instructions[0]!)).toBe(true);
    expect(wgetIsBusybox(model, b, b.instructions[0]!)).toBe(false);
    expect(wgetIsBusybox(model, c, c.instructions[0]!)).toBe(true);
  });
});
