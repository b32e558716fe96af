import rule from '../../rules/label-key-invalid.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

ruleTester(rule, {
  valid: [
    'FROM debian\nLABEL org.opencontainers.image.version="1" maintainer=x label3=y\n',
    { name: 'key from an ARG', code: 'FROM debian\nARG K=org.example.k\nLABEL ${K}=v\n' },
  ],
  invalid: [
    { code: 'FROM debian\nLABEL com.docker.x=1\n', errors: [{ line: 2, column: 7, endColumn: 19, message: /reserved namespace `com.docker`/ }] },
    { code: 'FROM debian\nLABEL Version=1 my_key=2 a..b=3 -a=4 a-=5\n', errors: 5 },
    { name: 'undeclared variable in the key', code: 'FROM debian\nLABEL invalid$character="foo"\n', errors: 1 },
    { name: 'ONBUILD, legacy form', code: 'FROM debian\nONBUILD LABEL .invalid "foo"\n', errors: 1 },
  ],
});
