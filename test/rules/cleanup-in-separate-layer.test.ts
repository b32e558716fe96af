import { fileURLToPath } from 'node:url';
import rule from '../../rules/cleanup-in-separate-layer.ts';
import { loadContext } from '../../src/model/index.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

/** a build context holding the file big.tar (the verify fixture's) */
const withBigTar = { context: loadContext(fileURLToPath(new URL('../fixtures/verify/copy-rm-later-run/context', import.meta.url))) };
const LATER = 'FROM debian\nCOPY big.tar /tmp/\nRUN tar -xf /tmp/big.tar -C /opt\nRUN rm /tmp/big.tar\n';

ruleTester(rule, {
  valid: [
    'FROM debian\nRUN apt-get update && apt-get install -y gcc && make && apt-get purge -y gcc && rm -rf /var/lib/apt/lists/*\n',
    { name: 'cache cleaned by a RUN that installs too', code: 'FROM debian\nRUN apt-get update && apt-get install -y a\nRUN apt-get update && apt-get install -y b && rm -rf /var/lib/apt/lists/*\n' },
    { name: 'package from the base image', code: 'FROM debian\nRUN apt-get purge -y perl\n' },
    { name: 'cache mount: nothing in the layer', code: 'FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip pip install flask\nRUN pip cache purge\n' },
    { name: 'another stage', code: 'FROM debian AS a\nCOPY app.tgz /tmp/\nFROM debian\nRUN rm -f /tmp/app.tgz\n' },
    { name: 'file removed where it is downloaded', code: 'FROM debian\nRUN curl -fo /tmp/a.tgz https://x/a.tgz && tar xzf /tmp/a.tgz && rm /tmp/a.tgz\n' },
  ],
  invalid: [
    {
      name: 'purge in the next RUN: merged into the install RUN',
      code: 'FROM debian\nRUN apt-get update && apt-get install -y build-essential\nRUN apt-get purge -y build-essential\n',
      errors: [{ line: 3, column: 5, message: /`build-essential` was added on line 2/ }],
      unsafeOutput: 'FROM debian\nRUN apt-get update && apt-get install -y build-essential && \\\n    apt-get purge -y build-essential\n',
    },
    {
      name: 'apt lists removed in a later RUN, not adjacent: no fix',
      code: 'FROM debian\nRUN apt-get update && apt-get install -y curl\nRUN make\nRUN rm -rf /var/lib/apt/lists/*\n',
      errors: [{ line: 4, message: /the apt-get cache was added on line 2/ }],
    },
    {
      name: 'COPY then use and rm: bind mount',
      code: 'FROM debian\nCOPY app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz -C /opt && rm /tmp/app.tar.gz\n',
      errors: [{ line: 3, message: /`\/tmp\/app\.tar\.gz` was added on line 2/ }],
      unsafeOutput: 'FROM debian\nRUN --mount=type=bind,source=app.tar.gz,target=/tmp/app.tar.gz,rw tar -xzf /tmp/app.tar.gz -C /opt\n',
    },
    {
      name: 'COPY to a relative path under a known WORKDIR, rm of the folder: no fix',
      code: 'FROM debian\nWORKDIR /build\nCOPY src.zip .\nRUN unzip src.zip\nRUN rm -rf /build\n',
      errors: [{ line: 5 }],
    },
    {
      name: 'downloaded in one RUN, removed in another',
      code: 'FROM debian\nRUN wget -O /tmp/x.deb https://x/x.deb\nRUN dpkg -i /tmp/x.deb && rm /tmp/x.deb\n',
      errors: 1,
    },
    {
      name: 'apk virtual package deleted later; heredoc',
      code: 'FROM alpine\nRUN apk add --virtual .build-deps gcc\nRUN <<EOF\nmake\napk del .build-deps\nEOF\n',
      errors: [{ line: 5 }],
    },
    {
      name: 'stage built on another keeps its layers',
      code: 'FROM debian AS base\nRUN apt-get install -y gcc\nFROM base\nRUN apt-get remove -y gcc\n',
      errors: [{ line: 4 }],
    },
    {
      name: 'ONBUILD triggers among themselves',
      code: 'FROM debian\nONBUILD RUN apt-get install -y gcc\nONBUILD RUN apt-get purge -y gcc\n',
      errors: 1,
      unsafeOutput: 'FROM debian\nONBUILD RUN apt-get install -y gcc && \\\n    apt-get purge -y gcc\n',
    },
    {
      name: 'the rm after an if ... fi: the script stays whole (the devcontainer cpp images)',
      code: 'FROM debian\nCOPY ./reinstall-cmake.sh /tmp/\nRUN if [ "${V}" != "none" ]; then \\\n        chmod +x /tmp/reinstall-cmake.sh && /tmp/reinstall-cmake.sh ${V}; \\\n    fi \\\n    && rm -f /tmp/reinstall-cmake.sh\n',
      errors: [{ line: 6 }],
      unsafeOutput: 'FROM debian\nRUN --mount=type=bind,source=./reinstall-cmake.sh,target=/tmp/reinstall-cmake.sh,rw if [ "${V}" != "none" ]; then \\\n        chmod +x /tmp/reinstall-cmake.sh && /tmp/reinstall-cmake.sh ${V}; \\\n    fi\n',
    },
    {
      name: 'the rm first, or between steps: cut with the operator after it',
      code: 'FROM debian\nCOPY a.sh /tmp/a.sh\nRUN sh /tmp/a.sh && rm /tmp/a.sh && echo done; echo again\n',
      errors: 1,
      unsafeOutput: 'FROM debian\nRUN --mount=type=bind,source=a.sh,target=/tmp/a.sh,rw sh /tmp/a.sh && echo done; echo again\n',
    },
    {
      name: 'rm of several files: only the copied file\'s operand goes',
      code: 'FROM debian\nCOPY a.sh /tmp/a.sh\nRUN sh /tmp/a.sh && rm -f /tmp/a.sh /tmp/other\n',
      errors: 1,
      unsafeOutput: 'FROM debian\nRUN --mount=type=bind,source=a.sh,target=/tmp/a.sh,rw sh /tmp/a.sh && rm -f /tmp/other\n',
    },
    { name: '`a; rm x` exits 0 when a fails, `a` would not: no fix', code: 'FROM debian\nCOPY a.sh /tmp/a.sh\nRUN sh /tmp/a.sh; rm /tmp/a.sh\n', errors: 1 },
    { name: 'rm of the whole folder: no fix (it removes more than the file)', code: 'FROM debian\nCOPY a.sh /tmp/x/a.sh\nRUN sh /tmp/x/a.sh && rm -rf /tmp/x\n', errors: 1 },
    { name: 'the file is moved in the same RUN: a mount point cannot be', code: 'FROM debian\nCOPY a.sh /tmp/a.sh\nRUN mv /tmp/a.sh /tmp/b.sh && sh /tmp/b.sh && rm /tmp/a.sh\n', errors: 1 },
    {
      name: 'removed in a later RUN than the one that reads it: mounted where it is read, the removing RUN goes',
      code: LATER,
      options: withBigTar,
      errors: [{ line: 4, message: /`\/tmp\/big\.tar` was added on line 2/ }],
      unsafeOutput: 'FROM debian\nRUN --mount=type=bind,source=big.tar,target=/tmp/big.tar,rw tar -xf /tmp/big.tar -C /opt\n',
    },
    {
      name: 'later RUN, ARG/ENV between, the removing RUN does more: every RUN from the COPY on is mounted',
      code: 'FROM debian\nCOPY big.tar /tmp/big.tar\nENV A=1\nRUN tar -tf /tmp/big.tar\nRUN tar -xf /tmp/big.tar -C /opt && rm /tmp/big.tar && ls /opt\n',
      options: withBigTar,
      errors: 1,
      unsafeOutput: 'FROM debian\nENV A=1\nRUN --mount=type=bind,source=big.tar,target=/tmp/big.tar,rw tar -tf /tmp/big.tar\nRUN --mount=type=bind,source=big.tar,target=/tmp/big.tar,rw tar -xf /tmp/big.tar -C /opt && ls /opt\n',
    },
    { name: 'later RUN, context unknown (x may be a folder): no fix', code: LATER, errors: 1 },
    {
      name: 'later RUN after a chmod in a RUN between (the mode would die with that RUN): no fix',
      code: 'FROM debian\nCOPY big.tar /tmp/big.tar\nRUN chmod +x /tmp/big.tar\nRUN /tmp/big.tar && rm -f /tmp/big.tar\n',
      options: withBigTar,
      errors: 1,
    },
    { name: 'later RUN, a USER between: no fix', code: 'FROM debian\nCOPY big.tar /tmp/\nUSER app\nRUN tar -xf /tmp/big.tar\nRUN rm /tmp/big.tar\n', options: withBigTar, errors: 1 },
    {
      name: '# syntax=docker/dockerfile:1 has RUN --mount; 1.0 does not: no fix',
      code: '# syntax=docker/dockerfile:1.0\nFROM debian\nCOPY a.sh /tmp/a.sh\nRUN sh /tmp/a.sh && rm /tmp/a.sh\n',
      errors: 1,
    },
    {
      name: '# syntax=docker/dockerfile:1, CRLF',
      code: '# syntax=docker/dockerfile:1\r\nFROM debian\r\nCOPY a.sh /tmp/a.sh\r\nRUN sh /tmp/a.sh \\\r\n && rm /tmp/a.sh\r\n',
      errors: 1,
      unsafeOutput: '# syntax=docker/dockerfile:1\r\nFROM debian\r\nRUN --mount=type=bind,source=a.sh,target=/tmp/a.sh,rw sh /tmp/a.sh\r\n',
    },
    { name: 'Windows image: no fix', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY a.ps1 /tmp/a.ps1\nRUN powershell /tmp/a.ps1 && rm /tmp/a.ps1\n', errors: 1 },
    {
      name: 'ARG-resolved COPY destination',
      code: 'FROM debian\nARG TMP=/tmp\nCOPY a.sh $TMP/\nRUN sh /tmp/a.sh && rm -f /tmp/a.sh\n',
      errors: 1,
      unsafeOutput: 'FROM debian\nARG TMP=/tmp\nRUN --mount=type=bind,source=a.sh,target=/tmp/a.sh,rw sh /tmp/a.sh\n',
    },
  ],
});
