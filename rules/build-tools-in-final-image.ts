import { defineRule } from '../src/linter/rule.ts';
import type { Span } from '../src/parser/ast.ts';
import type { RunInfo } from '../src/model/index.ts';
import { buildToolsLeft, isBuildCommand, isJdkPackage, isToolchainImage, removedPackages, sdkImage } from '../src/model/build-tools.ts';
import { runsOwnProgram } from '../src/model/stages.ts';
import { stageChain } from '../src/model/stage-chain.ts';

export default defineRule({
  meta: {
    id: 'build-tools-in-final-image',
    aliases: [],
    severity: 'info',
    category: 'size',
    docs: {
      summary: 'Compilers and SDKs end up in the final image: build in an earlier stage',
      description:
        'Looks at the final stage and the stages it builds on (`FROM build`). Reports a build command (`npm run build`, `go build`, `mvn package`, `cargo build` ...) run there '
        + '(on an SDK base image such as golang, maven, gradle, a JDK, rust, gcc or the .NET SDK, one finding on the base image), and an install of compiler packages '
        + '(build-essential, gcc, make, a JDK, build-base ...) that stays. Not reported: an SDK base image when the final stage builds nothing (a toolchain, CI or '
        + 'base image is meant to have its tools); compiler installs on a base that already has a compiler (an SDK image, or the default variant of node, python, '
        + 'ruby, perl, pypy, built on buildpack-deps); an image that runs no program of its own (no CMD or ENTRYPOINT, or only a shell or '
        + '`sleep infinity`): a base, toolchain, CI or dev-container image has its tools on purpose; packages removed again in the stages (`apt-get purge gcc`, `apk add --virtual .build-deps ...` then '
        + '`apk del .build-deps`, and the official images\' idiom `savedAptMark="$(apt-mark showmanual)"` ... `apt-mark auto \'.*\'`, `apt-mark manual $savedAptMark`, '
        + '`apt-get purge -y --auto-remove`, which removes everything the RUN installed).',
      why: 'The final image is what ships and runs. Compilers, SDKs, dev dependencies and intermediate build outputs add hundreds of megabytes and tools an attacker can use, and nothing at run time needs them. A multi-stage build compiles in one stage and copies only the result into a small runtime image.',
      bad: 'FROM golang:1.23\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\nCMD ["/app"]\n',
      good: 'FROM golang:1.23 AS build\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /app .\n\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /app /app\nCMD ["/app"]\n',
      fixSafety: 'No fix: splitting a build into stages needs to know which files the program needs at run time.',
    },
  },
  create(ctx) {
    return {
      end() {
        const stage = ctx.model.finalStage;
        // an image that runs no program of its own is a base, toolchain, CI or dev image: its tools are its purpose
        if (!stage || !runsOwnProgram(stage)) return;
        const chain = stageChain(stage).reverse();
        const base = chain[0]!.image;
        const advice = 'build in an earlier stage and copy only the result into a runtime image';
        const report = (span: Span, what: string) => ctx.report({ span, message: `${what} in the final image: ${advice}` });

        const runs = chain.flatMap((s) => s.instructions).map((ins) => ctx.model.run(ins)).filter((r): r is RunInfo => r?.posix === true);
        const builds = runs.flatMap((run) => run.commands.filter(isBuildCommand));
        const sdk = sdkImage(base);
        const from = chain[0]!.from.image;
        if (sdk && from) {
          // a toolchain image that builds nothing is a toolchain, CI or base image: its tools are its purpose
          if (builds.length > 0) {
            const line = ctx.df.lines.position(builds[0]!.start).line;
            ctx.report({ span: from, message: `The base image brings ${sdk} into the final image, which builds the project (line ${line}): ${advice}` });
          }
        } else {
          for (const command of builds) report({ start: command.start, end: command.end }, 'The project is built');
        }
        if (isToolchainImage(base)) return;
        const removed = removedPackages(runs);
        for (const run of runs) {
          for (const install of run.installs) {
            const tools = buildToolsLeft(install, run, removed);
            if (tools.length === 0) continue;
            const names = tools.map((w) => w.value).join(', ');
            const span = { start: install.command.start, end: install.command.end };
            if (tools.every(isJdkPackage)) ctx.report({ span, message: `A JDK (${names}) is installed and stays in the final image: a JRE runs Java programs; build in an earlier stage if a build needs the JDK` });
            else report(span, `Build tools (${names}) are installed and stay`);
          }
        }
      },
    };
  },
});
