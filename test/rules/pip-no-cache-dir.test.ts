import rule from '../../rules/pip-no-cache-dir.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

ruleTester(rule, {
  valid: [
    'FROM python:3.13\nRUN pip install --no-cache-dir flask==3.1.0\n',
    'FROM python:3.13\nRUN pip3 install flask==3.1.0 --no-cache-dir\n',
    'FROM python:3.13\nRUN pipx install black\n',
    { name: 'a build stage the image only copies from', code: 'FROM python:3.13 AS build\nRUN python -m venv /venv && /venv/bin/pip install flask==3.1.0\nFROM gcr.io/distroless/python3-debian12\nCOPY --from=build /venv /venv\n' },
    'FROM python:3.13\nRUN pipenv install requests\n',
    { name: 'ENV set to a true value', code: 'FROM python:3.13\nENV PIP_NO_CACHE_DIR=on\nRUN pip install flask\n' },
    { name: 'inline assignment', code: 'FROM python:3.13\nRUN PIP_NO_CACHE_DIR=1 pip install flask\n' },
    { name: 'earlier export', code: 'FROM python:3.13\nRUN export PIP_NO_CACHE_DIR=yes && pip install flask\n' },
    { name: 'ENV inherited from the parent stage', code: 'FROM python:3.13 AS base\nENV PIP_NO_CACHE_DIR=1\nFROM base\nRUN pip install six\n' },
    { name: 'cache mount', code: 'FROM python:3.13\nRUN --mount=type=cache,target=/root/.cache/pip pip install flask\n' },
    { name: 'ENV value from an ARG', code: 'FROM python:3.13\nARG NO_CACHE=true\nENV PIP_NO_CACHE_DIR=$NO_CACHE\nRUN pip install flask\n' },
  ],
  invalid: [
    {
      name: 'a stage the final one is built FROM ships its cache',
      code: 'FROM python:3.13 AS base\nRUN pip install flask==3.1.0\nFROM base\nCMD ["flask", "run"]\n',
      errors: 1,
      output: 'FROM python:3.13 AS base\nRUN pip install --no-cache-dir flask==3.1.0\nFROM base\nCMD ["flask", "run"]\n',
    },
    {
      name: 'hadolint preset: DL3042 reports every stage',
      code: 'FROM python:3.13 AS build\nRUN pip install flask==3.1.0\nFROM scratch\n',
      options: { preset: 'hadolint' },
      errors: 1,
      output: 'FROM python:3.13 AS build\nRUN pip install --no-cache-dir flask==3.1.0\nFROM scratch\n',
    },
    {
      code: 'FROM python:3.13\nRUN pip install flask==3.1.0\n',
      errors: [{ line: 2, column: 5, endColumn: 29 }],
      output: 'FROM python:3.13\nRUN pip install --no-cache-dir flask==3.1.0\n',
    },
    {
      name: 'python -m pip, and a false ENV value',
      code: 'FROM python:3.13\nENV PIP_NO_CACHE_DIR=false\nRUN python3 -m pip install -r requirements.txt\n',
      errors: 1,
      output: 'FROM python:3.13\nENV PIP_NO_CACHE_DIR=false\nRUN python3 -m pip install --no-cache-dir -r requirements.txt\n',
    },
    {
      name: 'ENV of an unrelated stage does not count',
      code: 'FROM python:3.13 AS base\nENV PIP_NO_CACHE_DIR=1\nFROM python:3.13\nRUN pip install six\n',
      errors: [{ line: 4 }],
      output: 'FROM python:3.13 AS base\nENV PIP_NO_CACHE_DIR=1\nFROM python:3.13\nRUN pip install --no-cache-dir six\n',
    },
    {
      name: 'heredoc script',
      code: 'FROM python:3.13\nRUN <<EOF\npip install flask\nEOF\n',
      errors: [{ line: 3 }],
      output: 'FROM python:3.13\nRUN <<EOF\npip install --no-cache-dir flask\nEOF\n',
    },
    {
      name: 'ONBUILD trigger',
      code: 'FROM python:3.13\nONBUILD RUN pip2 install flask\n',
      errors: 1,
      output: 'FROM python:3.13\nONBUILD RUN pip2 install --no-cache-dir flask\n',
    },
    { name: 'exec form: reported, not fixed', code: 'FROM python:3.13\nRUN ["pip", "install", "flask"]\n', errors: 1 },
  ],
});
