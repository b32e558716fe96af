/**
 * Linting is linear in the size of the file (issue 19 point 3), held by counting work, not by
 * timing: the work meter adds up what the builtins walk (test/helpers/work-meter.ts) while every
 * rule of the `all` preset lints a generated file of each shape, at n and 4n lines. Linear work
 * grows 4x; a step that walks the file, a stage or the scope once per instruction grows ~16x.
 * Before the fixes this test came with, an ARG/ENV shape grew 14.4x and a many-stages one 6.3x;
 * a chain of stages grew 5.3x before each stage's scope started from its base's (not a copy), the
 * questions about a chain were answered once per stage (src/model/stage-chain.ts) and the names
 * for "did you mean" were indexed once per file, not per stage.
 */
import { describe, expect, it } from 'vitest';
import { getLinter } from '../../src/linter/index.ts';
import { measureWork } from '../helpers/work-meter.ts';

const lines = (n: number, line: (i: number) => string) => Array.from({ length: n }, (_, i) => line(i + 1)).join('\n');

/** generated Dockerfiles of about n lines, each stressing one kind of growth */
const SHAPES: Record<string, (n: number) => string> = {
  'RUN, ARG, ENV, USER and CMD lines': (n) => 'FROM debian:bookworm\n' + lines(n, (i) => [
    `RUN cd /src && make ${i}`, `RUN curl -sL http://x/${i} | sh && echo \${UNDEF${i}} \${A${i + 50}}`, `ARG A${i}=x`,
    `ENV PASSWORD_${i}=secret${i}`, `USER app${i}`, `RUN wget http://x/${i}.tar.gz && sudo true`, `CMD echo ${i}`][i % 7]!),
  'many stages': (n) => lines(n / 4, (i) => `# s${i} builds\nFROM debian:bookworm AS s${i}\nARG X${i}=1\nCOPY --from=s${Math.max(1, i - 1)} /f /f${i}`),
  'ARG and ENV with undefined names': (n) => 'ARG G=1\nFROM debian:bookworm\n'
    + lines(n, (i) => (i % 2 ? `ARG A${i}=\${A${i - 1}} B${i}=x C${i}=$B${i}` : `ENV E${i}=\${A${i - 1}} L${i}=$UNDEFINED_NAME_${i}`))
    + '\n' + lines(n / 4, (i) => `COPY \${MISSING${i}} \${A_${i}} /dst${i}/`),
  'long RUN scripts': (n) => 'FROM debian:bookworm\n' + lines(n / 4, (i) => `RUN set -e; \\\n  apt-get update && apt-get install -y p${i} && \\\n  for f in a b; do echo $f > /tmp/$f${i}; done && \\\n  cd /x${i} && make && rm -rf /var/lib/apt/lists/*`),
  'a chain of stages, each FROM the one before': (n) => 'FROM alpine:3.20 AS s0\nEXPOSE 80\n' + lines(n / 2, (i) => `FROM s${i - 1} AS s${i}\n` + [
    `ENV E${i}=${i} PUID=${i}`, `ARG A${i}=1`, `USER u${i}`, `USER root`,
    `RUN apt-get install -y p${i} && apk add wget && echo $E${i} $MISSING${i} && wget -q http://x/${i}`,
    `CMD ["./start${i}.sh"]`, `ENTRYPOINT ["/e${i}"]`, `COPY --chown=app \${E${i - 7}X} /app${i}`][i % 8]),
  'COPY and ADD': (n) => 'FROM debian:bookworm\nWORKDIR /app\n' + lines(n, (i) => (i % 2 ? `COPY src${i} ./src${i}` : `ADD http://x/${i}.tgz /opt/`)),
  'one huge RUN': (n) => 'FROM debian:bookworm\nRUN ' + lines(n, (i) => `echo ${i} && cd /d${i} && touch f${i} && \\`) + '\n true',
  'comments and a heredoc': (n) => 'FROM debian:bookworm\n' + lines(n / 2, (i) => (i % 10 ? `# comment ${i}` : `RUN echo ${i}`)) + '\nRUN <<EOF\n' + lines(n / 2, (i) => `echo ${i} $HOME`) + '\nEOF\n',
};

const N = 200;

describe('linting is linear in the size of the file', () => {
  const linter = getLinter();
  const work = (text: string) => measureWork(() => linter.lint(text, { filePath: 'Dockerfile', preset: 'all', rules: { shellcheck: 'off' } }));
  for (const [shape, generate] of Object.entries(SHAPES)) {
    it(`4x the lines is at most ~4x the work: ${shape}`, () => {
      const small = work(generate(N));
      const large = work(generate(4 * N));
      expect(small).toBeGreaterThan(0);
      expect(large / small).toBeLessThanOrEqual(4.5);
    });
  }
});
