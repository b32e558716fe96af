import rule from '../../rules/cleanup-in-separate-layer.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

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
      name: 'ARG-resolved COPY destination',
      code: 'FROM debian\nARG TMP=/tmp\nCOPY a.sh $TMP/\nRUN sh /tmp/a.sh && rm -f /tmp/a.sh\n',
      errors: 1,
      unsafeOutput: 'FROM debian\nARG TMP=/tmp\nRUN --mount=type=bind,source=a.sh,target=/tmp/a.sh,rw sh /tmp/a.sh\n',
    },
  ],
});
