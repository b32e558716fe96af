import { describe, expect, it } from 'vitest';
import { expandWord, expandWords, ExpansionError, findVariableReferences } from '../../src/parser/expansion/index.ts';

const env = (vars: Record<string, string>) => new Map(Object.entries(vars));

function expansionError(run: () => unknown): ExpansionError {
  try {
    run();
  } catch (error) {
    if (error instanceof ExpansionError) return error;
    throw error;
  }
  throw new Error('expected an ExpansionError');
}

describe('matched and unmatched names', () => {
  it('records set and unset names, empty counting as set', () => {
    const result = expandWord('${FOO-aaa} ${BAR-bbb} ${BAZ-ccc}', env({ FOO: 'xxx', BAR: '' }));
    expect(result.value).toBe('xxx  ccc');
    expect([...result.matched].sort()).toEqual(['BAR', 'FOO']);
    expect([...result.unmatched]).toEqual(['BAZ']);
  });

  it('records no name for a modifier without one, as findVariableReferences lists none', () => {
    for (const text of ['${%}', '${%x}', '${%%x}', '${/a/b}']) {
      const result = expandWord(text, env({ A: 'a' }));
      expect(result.value).toBe('');
      expect([...result.matched, ...result.unmatched]).toEqual([]);
      expect(findVariableReferences(text)).toEqual([]);
    }
    // the pattern's own references still count
    const nested = expandWord('${%$A}', env({ A: 'a' }));
    expect([...nested.matched]).toEqual(['A']);
    expect(findVariableReferences('${%$A}').map((r) => r.name)).toEqual(['A']);
  });

  it('looks up names in words that are not used', () => {
    const result = expandWord('${SET:-$DEFAULT}', env({ SET: 'v' }));
    expect(result.value).toBe('v');
    expect([...result.unmatched]).toEqual(['DEFAULT']);
  });

  it('treats an empty value as unset only with a colon', () => {
    const vars = env({ FOO: 'xxx', BAR: '' });
    expect(expandWord('${FOO:-aaa} ${BAR:-bbb} ${BAZ:-ccc}', vars).value).toBe('xxx bbb ccc');
    expect(expandWord('${FOO+aaa} ${BAR+bbb} ${BAZ+ccc}', vars).value).toBe('aaa bbb ');
    expect(expandWord('${FOO:+aaa} ${BAR:+bbb} ${BAZ:+ccc}', vars).value).toBe('aaa  ');
  });
});

describe('${VAR?message}', () => {
  const vars = env({ VAR: 'plain', EMPTY: '', ARG: 'x' });

  it('returns the value when allowed', () => {
    expect(expandWord('${VAR:?no}', vars).value).toBe('plain');
    expect(expandWord('${EMPTY?no}', vars).value).toBe('');
  });

  it('fails with the expanded message or a default one', () => {
    expect(expansionError(() => expandWord('${UNSET?message here$ARG}', vars)).message).toBe('UNSET: message herex');
    expect(expansionError(() => expandWord('${EMPTY:?}', vars)).message).toBe('EMPTY: is not allowed to be empty');
    expect(expansionError(() => expandWord('${UNSET:?}', vars)).message).toBe('UNSET: is not allowed to be unset');
  });
});

describe('prefix and suffix removal', () => {
  const vars = env({ FOO: 'xxyy', DOTTED: 'a.b.c', KOREAN: '한국어', LINES: 'a\nb', EMPTY: '', X: 'x' });

  it('removes the shortest or longest match', () => {
    expect(expandWord('${FOO#*x*y}', vars).value).toBe('y');
    expect(expandWord('${FOO##*x}', vars).value).toBe('yy');
    expect(expandWord('${FOO#*}', vars).value).toBe('xxyy');
    expect(expandWord('${FOO%y*}', vars).value).toBe('xxy');
    expect(expandWord('${FOO%%y*}', vars).value).toBe('xx');
    expect(expandWord('${FOO%x}', vars).value).toBe('xxyy');
    expect(expandWord('${DOTTED%.*}', vars).value).toBe('a.b');
    expect(expandWord('${DOTTED%%.*}', vars).value).toBe('a');
    expect(expandWord('${DOTTED#*.}', vars).value).toBe('b.c');
  });

  it('takes patterns from variables and treats an empty pattern as no-op', () => {
    expect(expandWord('${FOO#$X}', vars).value).toBe('xyy');
    expect(expandWord('${FOO#$EMPTY}', vars).value).toBe('xxyy');
    expect(expandWord('${FOO##}', vars).value).toBe('xxyy');
    expect(expandWord('${FOO%}', vars).value).toBe('xxyy');
  });

  it('matches regexp characters literally and honours pattern escapes', () => {
    const special = env({ FOO: '()[]{}^$.*?|\\x', STARS: 'a***yy*', QS: '???y' });
    expect(expandWord('${FOO#()[]{\\}^$.\\*\\?|\\\\}', special).value).toBe('x');
    expect(expandWord('${STARS%%\\**\\*}', special).value).toBe('a');
    expect(expandWord('${QS#?\\?}', special).value).toBe('?y');
    expect(expandWord('${DOTTED#.}', vars).value).toBe('a.b.c');
  });

  it('works on code points and never lets a wildcard match a newline', () => {
    expect(expandWord('${KOREAN#?}', vars).value).toBe('국어');
    expect(expandWord('${KOREAN%?}', vars).value).toBe('한국');
    expect(expandWord('${LINES#*b}', vars).value).toBe('a\nb');
    expect(expandWord('${LINES#a?}', vars).value).toBe('a\nb');
  });

  it('rejects bad escapes and a colon before # or %', () => {
    expect(expansionError(() => expandWord('${FOO#\\x}', vars)).message).toMatch(/invalid pattern/);
    expect(() => expandWord('${FOO:#x}', vars)).toThrow(ExpansionError);
    expect(() => expandWord('${FOO:%x}', vars)).toThrow(ExpansionError);
  });
});

describe('pattern replacement', () => {
  const vars = env({
    FOO: 'foo',
    PATHS: '/foo*/*/*.txt',
    NEEDLE: '\\*/',
    TMP: '/tmp/tmp/bar.txt',
    EMPTY: '',
    URL: 'http://google.de',
  });

  it('replaces the first or every leftmost-longest match', () => {
    expect(expandWord('${FOO/o/0}', vars).value).toBe('f0o');
    expect(expandWord('${FOO//o/0}', vars).value).toBe('f00');
    expect(expandWord('${PATHS/$NEEDLE/.} - ${PATHS//$NEEDLE/.}', vars).value).toBe('/foo.*/*.txt - /foo..*.txt');
    expect(expandWord('${TMP//\\/tmp/}', vars).value).toBe('/bar.txt');
    expect(expandWord('${URL/http:\\/\\//https:\\/\\/}', vars).value).toBe('https:\\/\\/google.de');
    expect(expandWord('${FOO/o*/X}', vars).value).toBe('fX');
  });

  it('handles empty patterns like Go regexps', () => {
    expect(expandWord('${FOO/$EMPTY/-}', vars).value).toBe('-foo');
    expect(expandWord('${FOO//$EMPTY/-}', vars).value).toBe('-f-o-o-');
    expect(expandWord('${FOO///}', vars).value).toBe('foo');
  });

  it('expands $0 in the replacement of // only (Go template syntax)', () => {
    expect(expandWord('${FOO//o/<\\$0>}', vars).value).toBe('f<\\o><\\o>');
    expect(expandWord('${FOO/o/<\\$0>}', vars).value).toBe('f<\\$0>o');
  });

  it('needs both delimiters', () => {
    expect(expansionError(() => expandWord('${FOO//ww}', vars)).message).toBe("syntax error: missing '/' in ${}");
    expect(() => expandWord('${FOO//}', vars)).toThrow(ExpansionError);
  });
});

describe('escape character', () => {
  const vars = env({ A: '1', B: '2' });

  it('backslash by default', () => {
    expect(expandWord('\\$A\\\\$B', vars).value).toBe('$A\\2');
    expect(expandWord('"a\\"b"', vars).value).toBe('a"b');
  });

  it('backtick leaves backslashes literal', () => {
    expect(expandWord('`$A \\$B', vars, '`').value).toBe('$A \\2');
    expect(expandWord('C:\\path\\$A', vars, '`').value).toBe('C:\\path\\1');
    expect(expandWord('"a`"b"', vars, '`').value).toBe('a"b');
    expect(expandWord('"a\\"', vars, '`').value).toBe('a\\');
    expect(expandWords('a` b c', vars, '`').words).toEqual(['a b', 'c']);
  });
});

describe('word splitting', () => {
  const vars = env({ SPACED: ' a  b ', EMPTY: '' });

  it('splits unquoted expansions and keeps quoted ones whole', () => {
    expect(expandWords('x$SPACED"$SPACED"y', vars).words).toEqual(['x', 'a', 'b', ' a  b y']);
  });

  it('drops empty words, even quoted ones', () => {
    expect(expandWords('"" $EMPTY \'\' z', vars).words).toEqual(['z']);
  });

  it('keeps text before a nested expansion', () => {
    expect(expandWords('ab${UNSET:-c d}', vars).words).toEqual(['abc', 'd']);
  });
});

describe('errors', () => {
  it('point at the construct at fault', () => {
    const quote = expansionError(() => expandWord('ab"cd', new Map()));
    expect([quote.offset, quote.end]).toEqual([2, 5]);
    const brace = expansionError(() => expandWord('ab${', new Map()));
    expect(brace.offset).toBe(2);
    const bad = expansionError(() => expandWord('x${}', new Map()));
    expect([bad.offset, bad.end, bad.message]).toEqual([1, 4, 'syntax error: bad substitution']);
    const modifier = expansionError(() => expandWord('${A=b}', new Map()));
    expect(modifier.message).toBe('unsupported modifier (=) in substitution');
  });

  it('reject absurd nesting instead of overflowing the stack', () => {
    const deep = '${A:-'.repeat(5000) + 'x' + '}'.repeat(5000);
    expect(() => expandWord(deep, new Map())).toThrow(ExpansionError);
  });
});

it('skips a leading byte order mark like Go text/scanner', () => {
  expect(expandWord('\uFEFF$A', env({ A: 'v' })).value).toBe('v');
});
