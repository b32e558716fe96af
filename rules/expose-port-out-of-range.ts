import { defineRule } from '../src/linter/rule.ts';

const MAX_PORT = 65535;

export default defineRule({
  meta: {
    id: 'expose-port-out-of-range',
    aliases: ['DL3011'],
    severity: 'error',
    category: 'correctness',
    docs: {
      summary: 'EXPOSE ports must be between 0 and 65535',
      description: 'Reports an EXPOSE port, or either end of a port range (`8000-9000/tcp`), above 65535, after resolving ARGs and ENVs. Ports whose value is not known are not reported.',
      why: 'TCP and UDP ports are 16-bit numbers: a larger one is a typo, and tools that read the image metadata reject or misread it.',
      bad: 'FROM nginx:1.27\nEXPOSE 80800\n',
      good: 'FROM nginx:1.27\nEXPOSE 8080\n',
      fixSafety: 'No fix: the intended port cannot be guessed.',
    },
  },
  create(ctx) {
    return {
      EXPOSE(ins, info) {
        for (const port of ins.ports) {
          const value = info.scope.expand(port.raw).value;
          if (value === undefined) continue;
          const numbers = value.replace(/\/[A-Za-z]*$/, '').split('-');
          if (numbers.some((n) => /^\d+$/.test(n) && Number(n) > MAX_PORT)) {
            ctx.report({ span: port, message: `Port \`${value}\` is outside the valid range 0-65535` });
          }
        }
      },
    };
  },
});
