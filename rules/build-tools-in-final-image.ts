import { defineRule } from '../src/linter/rule.ts';
import type { Span } from '../src/parser/ast.ts';
import { flagValues, type RunInfo } from '../src/model/index.ts';
import { buildToolPackages, isBuildCommand, packageName, removedPackageNames, sdkImage } from '../src/model/build-tools.ts';
import { stageChain } from '../src/model/user.ts';

export default defineRule({
  meta: {
    id: 'build-tools-in-final-image',
    aliases: [],
    severity: 'info',
    category: 'size',
    docs: {
      summary: 'Compilers and SDKs end up in the final image: build in an earlier stage',
      description: 'Looks at the final stage and the stages it builds on (`FROM build`). Reports an SDK base image (golang, maven, gradle, a JDK, rust, gcc, .NET SDK ...), an install of compiler packages (build-essential, gcc, make, a JDK, build-base ...) that is not removed again, and a build command (`npm run build`, `go build`, `mvn package`, `cargo build` ...) run there.',
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
        if (!stage) return;
        const chain = stageChain(stage);
        const root = chain[chain.length - 1]!;
        const report = (span: Span, what: string) => ctx.report({
          span,
          message: `${what} in the final image: build in an earlier stage and copy only the result into a runtime image`,
        });
        const sdk = sdkImage(root.image);
        if (sdk && root.from.image) report(root.from.image, `The base image brings ${sdk}`);

        const runs = chain.reverse().flatMap((s) => s.instructions).map((ins) => ctx.model.run(ins)).filter((r): r is RunInfo => r?.posix === true);
        const removed = new Set(runs.flatMap((r) => r.commands.flatMap(removedPackageNames)));
        for (const run of runs) {
          for (const install of run.installs) {
            // `apk add --virtual .build-deps gcc` ... `apk del .build-deps`
            if (flagValues(install.command, 't', 'virtual').some((v) => removed.has(v.toLowerCase()))) continue;
            const tools = buildToolPackages(install).filter((w) => !removed.has(packageName(w) ?? ''));
            if (tools.length > 0) report({ start: install.command.start, end: install.command.end }, `Build tools (${tools.map((w) => w.value).join(', ')}) are installed and stay`);
          }
          for (const command of run.commands) {
            if (isBuildCommand(command)) report({ start: command.start, end: command.end }, 'The project is built');
          }
        }
      },
    };
  },
});
