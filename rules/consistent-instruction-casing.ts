import { fix, replace } from '../src/fix/edits.ts';
import { defineRule } from '../src/linter/rule.ts';
import { INSTRUCTION_KEYWORDS, type Instruction } from '../src/parser/ast.ts';

export default defineRule({
  meta: {
    id: 'consistent-instruction-casing',
    aliases: ['ConsistentInstructionCasing'],
    severity: 'warning',
    category: 'style',
    fixable: 'safe',
    docs: {
      summary: 'Instruction keywords should all be upper case or all lower case',
      description: 'Counts the instruction keywords written all upper case and all lower case (ONBUILD triggers included); the larger group sets the case (upper case on a tie). Reports every keyword not in that case, mixed-case ones like `Run` included.',
      why: 'A Dockerfile reads as a list of instructions; keywords in one case make them stand out from their arguments, and a lone `Run` or `copy` looks like a mistake.',
      bad: 'FROM alpine\nrun echo hello > /greeting.txt\nEntryPoint ["cat", "/greeting.txt"]\n',
      good: 'FROM alpine\nRUN echo hello > /greeting.txt\nENTRYPOINT ["cat", "/greeting.txt"]\n',
      fixSafety: 'Safe: changes only the case of the keyword, which BuildKit reads case-insensitively.',
    },
  },
  create(ctx) {
    const keywords: Instruction[] = [];
    return {
      instruction(ins) {
        // an unknown keyword is a syntax error, not a casing question
        if (INSTRUCTION_KEYWORDS.has(ins.keyword)) keywords.push(ins);
      },
      end() {
        let lower = 0;
        let upper = 0;
        for (const ins of keywords) {
          const k = ins.keywordWord.raw;
          if (k === k.toLowerCase()) lower++;
          else if (k === k.toUpperCase()) upper++;
        }
        const wantLower = lower > upper;
        for (const ins of keywords) {
          const k = ins.keywordWord.raw;
          const wanted = wantLower ? k.toLowerCase() : k.toUpperCase();
          if (k === wanted) continue;
          ctx.report({
            span: ins.keywordWord,
            message: ctx.settings.preset === 'buildkit'
              ? `Command '${k}' should match the case of the command majority (${wantLower ? 'lowercase' : 'uppercase'})`
              : `Instruction '${k}' should be ${wantLower ? 'lower' : 'upper'} case like most instructions in this file`,
            fix: fix(`write '${wanted}'`, 'safe', replace(ins.keywordWord, wanted)),
          });
        }
      },
    };
  },
});
