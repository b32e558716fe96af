import rule from '../../rules/pip-pin-versions.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

ruleTester(rule, {
  valid: [
    'FROM python:3.13\nRUN pip install flask==3.0.3 "requests>=2,<3" attrs~=24.2\n',
    'FROM python:3.13\nRUN pip install -r requirements.txt\n',
    'FROM python:3.13\nRUN pip install . ./pkg dist/app-1.0-py3-none-any.whl\n',
    'FROM python:3.13\nRUN pip install pykafka -c constraints.txt\n',
    'FROM python:3.13\nRUN pip install git+https://github.com/org/repo.git@v1.2#egg=repo\n',
    'FROM python:3.13\nRUN pip install --root-user-action ignore flask==3.0.3\n',
    'FROM python:3.13\nRUN pipx install --python python3.13 "poetry==1.8.5"\n',
    { name: 'pipenv is another tool', code: 'FROM python:3.13\nRUN pipenv install black\n' },
  ],
  invalid: [
    { code: 'FROM python:3.13\nRUN pip install flask\n', errors: [{ line: 2, column: 17, endColumn: 22 }] },
    { name: 'python -m pip', code: 'FROM python:3.13\nRUN python3 -m pip install flask\n', errors: 1 },
    { name: 'git URL without revision', code: 'FROM python:3.13\nRUN pip install git+ssh://git@github.com/org/repo.git#egg=repo\n', errors: 1 },
    { name: 'pipx', code: 'FROM python:3.13\nRUN pipx install black\n', errors: [{ message: /pipx install black==/ }] },
    { name: 'flag=value form', code: 'FROM python:3.13\nRUN pip install --root-user-action=ignore flask\n', errors: 1 },
    { name: 'ONBUILD', code: 'FROM python:3.13\nONBUILD RUN pip3 install flask\n', errors: 1 },
    { name: 'heredoc', code: 'FROM python:3.13\nRUN <<EOF\npip install flask\nEOF\n', errors: [{ line: 3 }] },
  ],
});
