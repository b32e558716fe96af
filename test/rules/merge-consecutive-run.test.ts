import rule from '../../rules/merge-consecutive-run.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

ruleTester(rule, {
  valid: [
    'FROM debian\nRUN /foo.sh\nWORKDIR /\nRUN /bar.sh\n',
    'FROM debian\nRUN foo && bar\nRUN foobar\n',
    'FROM debian\nRUN foobar\nRUN foo; bar\n',
    { name: 'different mounts', code: 'FROM debian\nRUN --mount=type=secret,id=a a\nRUN b\n' },
    { name: 'different network', code: 'FROM debian\nRUN --network=none a\nRUN --network=host b\n' },
    { name: 'different security', code: 'FROM debian\nRUN --security=insecure a\nRUN b\n' },
    { name: 'different stages', code: 'FROM debian AS a\nRUN a\nFROM debian\nRUN b\n' },
    { name: 'ONBUILD triggers are not layers here', code: 'FROM debian\nONBUILD RUN a\nONBUILD RUN b\n' },
    { name: 'a multi-line heredoc is a deliberate step', code: 'FROM debian\nRUN a\nRUN <<EOF\nb\nc\nEOF\n' },
  ],
  invalid: [
    {
      code: 'FROM debian\nRUN /foo.sh\n# a comment\nRUN /bar.sh\n',
      errors: [{ line: 4, column: 1, endColumn: 4 }],
      output: 'FROM debian\nRUN /foo.sh && \\\n# a comment\n    /bar.sh\n',
    },
    {
      name: 'pipelines count as one command, same mounts in another order',
      code: 'FROM debian\nRUN --network=none --mount=type=cache,target=/c a | b\nRUN --mount=type=cache,target=/c --network=none c\n',
      errors: 1,
      output: 'FROM debian\nRUN --network=none --mount=type=cache,target=/c a | b && \\\n    c\n',
    },
    {
      name: 'a run of three: merged in one pass',
      code: 'FROM debian\nRUN foo && bar\nRUN foo\nRUN bar\nRUN baz\n',
      errors: [{ line: 4 }, { line: 5 }],
      output: 'FROM debian\nRUN foo && bar\nRUN foo && \\\n    bar && \\\n    baz\n',
    },
    {
      name: 'first RUN changes directory: wrapped in a subshell (unsafe)',
      code: 'FROM debian\nRUN cd /src\nRUN make\n',
      errors: 1,
      unsafeOutput: 'FROM debian\nRUN ( cd /src ) && \\\n    make\n',
    },
    {
      name: 'CRLF, backtick escape',
      code: '# escape=`\r\nFROM debian\r\nRUN a\r\nRUN b\r\n',
      errors: 1,
      output: '# escape=`\r\nFROM debian\r\nRUN a && `\r\n    b\r\n',
    },
    { name: 'trailing comment in the first RUN: no fix', code: 'FROM debian\nRUN a # note\nRUN b\n', errors: 1 },
    {
      name: 'continuation style of the first RUN is kept',
      code: 'FROM debian\nRUN apt-get install -y \\\n      curl\nRUN echo done\n',
      errors: 1,
      output: 'FROM debian\nRUN apt-get install -y \\\n      curl && \\\n      echo done\n',
    },
    {
      name: 'ARG between is another instruction: the RUNs after it merge',
      code: 'FROM debian\nARG V=1\nRUN echo $V\nRUN echo done\n',
      errors: 1,
      output: 'FROM debian\nARG V=1\nRUN echo $V && \\\n    echo done\n',
    },
    { name: 'exec form', code: 'FROM debian\nRUN ["a"]\nRUN ["b"]\n', errors: 1 },
    {
      name: 'login shell: each RUN reads /etc/profile.d, the merged one would not (exit 127): no fix',
      code: 'FROM debian\nSHELL ["/bin/bash", "-lc"]\nRUN curl -fsSL https://get.rvm.io | bash\nRUN rvm install 3.3\n',
      errors: 1,
    },
    { name: 'interactive shell: no fix', code: 'FROM debian\nSHELL ["/bin/bash", "-i", "-c"]\nRUN a\nRUN b\n', errors: 1 },
    { name: 'login shell spelled out: no fix', code: 'FROM debian\nSHELL ["/bin/bash", "--login", "-c"]\nRUN a\nRUN b\n', errors: 1 },
    {
      name: 'another SHELL: unsafe (bash reads BASH_ENV at start-up)',
      code: 'FROM debian\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN a | b\nRUN c\n',
      errors: 1,
      unsafeOutput: 'FROM debian\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN a | b && \\\n    c\n',
    },
    {
      name: 'Windows image, default shell (cmd): no fix, choco sets PATH for the next RUN only',
      code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN choco install -y git\nRUN git --version\n',
      errors: 1,
    },
    {
      name: 'Windows: a tag names it, and a stage built on it is Windows too',
      code: 'FROM python:3.12-windowsservercore-ltsc2022 AS base\nFROM base\nRUN a\nRUN b\n',
      errors: 1,
    },
    {
      name: 'first RUN writes a profile: unsafe',
      code: 'FROM debian\nRUN echo "export PATH=/opt/x/bin:$PATH" >> /etc/profile.d/x.sh\nRUN x --version\n',
      errors: 1,
      unsafeOutput: 'FROM debian\nRUN echo "export PATH=/opt/x/bin:$PATH" >> /etc/profile.d/x.sh && \\\n    x --version\n',
    },
    {
      name: 'first RUN writes ~/.bashrc with tee, or /etc/environment with sed -i: unsafe',
      code: 'FROM debian\nRUN echo a | tee -a "$HOME/.bashrc"\nRUN sed -i s/a/b/ /etc/environment\nRUN c\n',
      errors: 2,
      unsafeOutput: 'FROM debian\nRUN echo a | tee -a "$HOME/.bashrc" && \\\n    sed -i s/a/b/ /etc/environment && \\\n    c\n',
    },
    {
      name: 'first RUN pipes an installer into a shell: unsafe (nvm, conda add themselves to a profile)',
      code: 'FROM debian\nRUN curl -fsSL https://x/install.sh | bash\nRUN b\n',
      errors: 1,
      unsafeOutput: 'FROM debian\nRUN curl -fsSL https://x/install.sh | bash && \\\n    b\n',
    },
    {
      name: 'tmpfs mount on both: unsafe (the second RUN would see what the first wrote there)',
      code: 'FROM debian\nRUN --mount=type=tmpfs,target=/tmp a\nRUN --mount=type=tmpfs,target=/tmp b\n',
      errors: 1,
      unsafeOutput: 'FROM debian\nRUN --mount=type=tmpfs,target=/tmp a && \\\n    b\n',
    },
    {
      name: 'the first RUN ends in a compound command: appended after its fi',
      code: 'FROM debian\nRUN if [ -f /a ]; then b; fi\nRUN c\n',
      errors: 1,
      output: 'FROM debian\nRUN if [ -f /a ]; then b; fi && \\\n    c\n',
    },
    {
      name: 'a chain with one unsafe merge is one unsafe fix; a RUN that cannot be merged splits the chain',
      code: 'FROM debian\nRUN cd /src\nRUN make\nRUN make install # all\nRUN a\nRUN b\n',
      errors: [{ line: 3 }, { line: 4 }, { line: 5 }, { line: 6 }],
      output: 'FROM debian\nRUN cd /src\nRUN make\nRUN make install # all\nRUN a && \\\n    b\n',
      unsafeOutput: 'FROM debian\nRUN ( cd /src ) && \\\n    make && \\\n    make install # all\nRUN a && \\\n    b\n',
    },
    { name: 'the first RUN ends with a `;`: no fix', code: 'FROM debian\nRUN a;\nRUN b\n', errors: 1 },
  ],
});
