import { describe, expect, it } from 'vitest';
import checkstyle from '../../src/report/checkstyle.ts';
import { renderReport } from '../../src/report/index.ts';
import junit from '../../src/report/junit.ts';
import { escapeXmlAttribute, escapeXmlText } from '../../src/report/xml.ts';
import {
  AWKWARD_MESSAGE,
  awkwardResult,
  cleanResult,
  context,
  mainResult,
  syntaxErrorResult,
} from './fixtures.ts';
import { childElements, parseXml, textContent } from './xml-check.ts';

describe('xml well-formedness checker', () => {
  it('accepts well-formed documents and decodes references', () => {
    const root = parseXml('<?xml version="1.0"?>\n<a x="1 &amp; &#10;&#x41;"><b/>t&lt;<![CDATA[<raw>]]></a>\n');
    expect(root.attributes['x']).toBe('1 & \nA');
    expect(textContent(root)).toBe('t<<raw>');
  });

  it.each([
    ['an unescaped < in an attribute', '<a x="<"/>'],
    ['a bare &', '<a>&</a>'],
    ['an unknown entity', '<a>&nbsp;</a>'],
    [']]> in content', '<a>]]></a>'],
    ['a mismatched end tag', '<a></b>'],
    ['a duplicate attribute', '<a x="1" x="2"/>'],
    ['an unquoted attribute', '<a x=1/>'],
    ['a control character', '<a>\u0001</a>'],
    ['a reference to a control character', '<a>&#1;</a>'],
    ['a lone surrogate', '<a>\ud800</a>'],
    ['two roots', '<a/><b/>'],
    ['an unclosed element', '<a><b></b>'],
  ])('rejects %s', (_, xml) => {
    expect(() => parseXml(xml)).toThrow();
  });
});

describe('xml escaping', () => {
  it('round-trips awkward text through a parser', () => {
    const text = 'a & b < c > d ]]> e " f \' g\th\ni\r\nj Zoë 🐳';
    const root = parseXml(`<r v="${escapeXmlAttribute(text)}">${escapeXmlText(text)}</r>`);
    expect(root.attributes['v']).toBe(text);
    expect(textContent(root)).toBe(text);
  });

  it('replaces characters XML cannot carry with visible escapes', () => {
    const text = 'bell\u0007 lone\ud800 ffff\uffff pair🐳';
    const root = parseXml(`<r v="${escapeXmlAttribute(text)}">${escapeXmlText(text)}</r>`);
    expect(root.attributes['v']).toBe('bell\\u0007 lone\\ud800 ffff\\uffff pair🐳');
    expect(textContent(root)).toBe(root.attributes['v']);
  });
});

describe('checkstyle reporter', () => {
  it('writes one file element per file and one error per reported finding', () => {
    const results = [mainResult(), awkwardResult(), syntaxErrorResult(), cleanResult()];
    const root = parseXml(renderReport(checkstyle, results, context()));
    expect(root.name).toBe('checkstyle');
    const files = childElements(root, 'file');
    expect(files.map((file) => file.attributes['name'])).toEqual([
      'Dockerfile',
      'dir with space/Dockër,file:<&>]]>%',
      'sub/Dockerfile.broken',
      'clean/Dockerfile',
    ]);
    const errors = childElements(files[0]!, 'error');
    // the suppressed finding is left out
    expect(errors.map((error) => error.attributes)).toEqual([
      {
        line: '1',
        column: '6',
        severity: 'error',
        message: 'Pin "ubuntu" to a version instead of `latest`',
        source: 'tslint-docker.no-latest-tag',
      },
      {
        line: '2',
        column: '1',
        severity: 'info',
        message: 'MAINTAINER is deprecated; use a LABEL',
        source: 'tslint-docker.maintainer-deprecated',
      },
      {
        line: '3',
        column: '23',
        severity: 'warning',
        message: 'Add --no-install-recommends',
        source: 'tslint-docker.apt-no-install-recommends',
      },
    ]);
    expect(childElements(files[1]!, 'error')[0]!.attributes['message']).toBe(AWKWARD_MESSAGE);
    expect(childElements(files[2]!, 'error')[0]!.attributes).toMatchObject({
      line: '3',
      column: '1',
      severity: 'error',
      source: 'tslint-docker.syntax-error',
    });
    expect(childElements(files[3]!, 'error')).toEqual([]);
  });

  it('is well-formed with zero files', () => {
    const root = parseXml(renderReport(checkstyle, [], context()));
    expect(root.name).toBe('checkstyle');
    expect(root.children.filter((child) => typeof child !== 'string')).toEqual([]);
  });
});

describe('junit reporter', () => {
  it('writes a suite per file, a failing case per finding and counts that add up', () => {
    const results = [mainResult(), awkwardResult(), syntaxErrorResult(), cleanResult()];
    const root = parseXml(renderReport(junit, results, context()));
    expect(root.name).toBe('testsuites');
    expect(root.attributes).toMatchObject({ name: 'tslint-docker', tests: '6', failures: '4', errors: '1' });
    const suites = childElements(root, 'testsuite');
    expect(suites.map((suite) => [suite.attributes['name'], suite.attributes['tests'], suite.attributes['failures'], suite.attributes['errors']])).toEqual([
      ['Dockerfile', '3', '3', '0'],
      ['dir with space/Dockër,file:<&>]]>%', '1', '1', '0'],
      ['sub/Dockerfile.broken', '1', '0', '1'],
      ['clean/Dockerfile', '1', '0', '0'],
    ]);

    const first = childElements(suites[0]!, 'testcase')[0]!;
    expect(first.attributes).toEqual({ classname: 'Dockerfile', name: 'no-latest-tag at 1:6' });
    const failure = childElements(first, 'failure')[0]!;
    expect(failure.attributes).toEqual({ type: 'error', message: 'Pin "ubuntu" to a version instead of `latest`' });
    expect(textContent(failure)).toBe('error at Dockerfile:1:6 (no-latest-tag)\nPin "ubuntu" to a version instead of `latest`');

    const awkward = childElements(childElements(suites[1]!, 'testcase')[0]!, 'failure')[0]!;
    expect(awkward.attributes['message']).toBe(AWKWARD_MESSAGE);
    expect(textContent(awkward).endsWith(`\n${AWKWARD_MESSAGE}`)).toBe(true);

    const parseError = childElements(suites[2]!, 'testcase')[0]!;
    expect(childElements(parseError, 'failure')).toEqual([]);
    expect(childElements(parseError, 'error')[0]!.attributes['message']).toBe('Unterminated heredoc: expected "EOF"');

    const clean = childElements(suites[3]!, 'testcase');
    expect(clean).toEqual([{ name: 'testcase', attributes: { classname: 'clean/Dockerfile', name: 'clean/Dockerfile' }, children: [] }]);
  });

  it('is well-formed with zero files', () => {
    const root = parseXml(renderReport(junit, [], context()));
    expect(root.attributes).toMatchObject({ tests: '0', failures: '0', errors: '0' });
  });
});
