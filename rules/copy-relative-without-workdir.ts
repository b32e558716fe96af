import { defineRule } from '../src/linter/rule.ts';
import type { CopyInstruction } from '../src/parser/ast.ts';
import type { InstructionInfo, Stage } from '../src/model/index.ts';
import { copyPath, isAbsolutePath } from '../src/model/paths.ts';
import { stageKeywords } from '../src/model/stage-keywords.ts';

const hasWorkdir = (stage: Stage) => stageKeywords(stage).has('WORKDIR');

export default defineRule({
  meta: {
    id: 'copy-relative-without-workdir',
    aliases: ['DL3045'],
    severity: 'warning',
    category: 'correctness',
    docs: {
      summary: 'Set WORKDIR before copying to a relative destination',
      description: 'Reports a COPY or ADD with a relative destination when no WORKDIR was set before it in the stage or in the stages it builds on (`FROM <stage>`). For an ONBUILD COPY, any WORKDIR of the stage counts, and earlier ONBUILD WORKDIRs. ARG and ENV values are substituted in the destination; a destination that depends on an unknown value is not reported.',
      why: 'A relative destination is resolved against the working directory inherited from the base image, which the Dockerfile does not show and which can change when the base image does. Files then land somewhere unexpected.',
      bad: 'FROM node:22-slim\nCOPY package.json .',
      good: 'FROM node:22-slim\nWORKDIR /app\nCOPY package.json .',
      fixSafety: 'No fix: the directory the files should go to is your choice.',
    },
  },
  create(ctx) {
    // per stage: a WORKDIR seen so far, and an ONBUILD WORKDIR seen so far
    const workdirSeen = new Set<Stage | undefined>();
    const onbuildWorkdirSeen = new Set<Stage | undefined>();
    const inherited = (stage: Stage | undefined) => {
      for (let base = stage?.baseStage; base; base = base.baseStage) if (hasWorkdir(base)) return true;
      return false;
    };
    const check = (ins: CopyInstruction, info: InstructionInfo) => {
      const stage = info.stage;
      const set = info.onbuild
        ? onbuildWorkdirSeen.has(stage) || (stage !== undefined && hasWorkdir(stage)) || inherited(stage)
        : workdirSeen.has(stage) || inherited(stage);
      if (set || !ins.destination) return;
      // a Windows path keeps its backslashes there (`c:\app`), whatever the escape character
      if (isAbsolutePath(ins.destination.value.replace(/^["']/, ''))) return;
      const dest = copyPath(ins.destination, ins, info.scope);
      if (dest === undefined || isAbsolutePath(dest)) return;
      ctx.report({ span: ins.destination, message: `${ins.keyword} to the relative destination \`${dest}\` without a WORKDIR: it depends on the base image's working directory` });
    };
    return {
      WORKDIR(_ins, info) {
        (info.onbuild ? onbuildWorkdirSeen : workdirSeen).add(info.stage);
      },
      COPY: check,
      ADD: check,
    };
  },
});
