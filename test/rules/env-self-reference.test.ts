import rule from '../../rules/env-self-reference.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

ruleTester(rule, {
  valid: [
    'ENV BLA="blubb"\nENV BLUBB="${BLA}/blubb"\n',
    'ENV BLA="blubb" BLUBB="${FOOBLA}/blubb" C=$BLAFOO\n',
    'ENV BLA="blubb" BLUBB="BLA/$BLAFOO/BLA"\n',
    'ARG BLA\nENV BLA=${BLA}\n',
    'ENV BLA blubb\nENV BLA=${BLA}\n',
    'ENV PATH=/bla:${PATH}\nENV PATH=/blubb:${PATH}\n',
    { name: 'escaped dollar is no reference', code: 'ENV A=1 B=\\$A\n' },
    { name: 'single quotes keep the text', code: "ENV A=1 B='$A'\n" },
    { name: 'an ARG copied into the ENV keeps its value', code: 'FROM debian\nARG HOME_DIR=/opt/app\nENV HOME_DIR=${HOME_DIR} \\\n    BIN="${HOME_DIR}/bin" CONF=$HOME_DIR/etc\n' },
    { name: 'quoted and short forms', code: 'FROM debian\nARG A=1\nARG B=2\nENV A="$A" B=${B} C=$A$B\n' },
  ],
  invalid: [
    { code: 'ENV BLA="blubb" BLUBB="$BLA/$BLAFOO/blubb"\n', errors: [{ line: 1, column: 24, endColumn: 28 }] },
    { code: 'ENV BLA="blubb" BLUBB="${BLA}"\n', errors: [{ column: 24, endColumn: 30 }] },
    { name: 'the same variable twice in one ENV', code: 'ENV PATH=/bla:${PATH} PATH=/blubb:${PATH}\n', errors: 1 },
    { name: 'continuation lines', code: 'FROM debian\nENV HOME_DIR=/opt/app \\\n    BIN=$HOME_DIR/bin\n', errors: [{ line: 3 }] },
    { name: 'ONBUILD trigger', code: 'FROM debian\nONBUILD ENV A=1 B=$A\n', errors: 1 },
    { name: 'a value built on the old one changes it', code: 'FROM debian\nARG A=1\nENV A=${A}0 B=$A\n', errors: 1 },
    { name: 'hadolint preset: DL3044 reports the copy too', code: 'FROM debian\nARG A=1\nENV A=${A} B=$A\n', options: { preset: 'hadolint' }, errors: 1 },
  ],
});
