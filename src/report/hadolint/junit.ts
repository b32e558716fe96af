import { TOOL_NAME } from '../common.ts';
import type { Reporter } from '../types.ts';
import { escapeXmlAttribute, escapeXmlText, XML_DECLARATION } from '../xml.ts';
import { hadolintFile } from './common.ts';

// hadolint writes this for every time attribute: it does not time its checks
const TIME = 'time="0.001"';

/**
 * hadolint's JUnit XML: `<testsuites>` named by the time of the run (UTC), a `<testsuite>` per
 * file, a `<testcase>` per problem whose `<failure>` text says file, line and level. One line,
 * attributes sorted, as hadolint writes it; the provider is this tool.
 */
const junit: Reporter = function* (results, context) {
  const now = new Date().toISOString();
  const id = `${now.slice(0, 10).replaceAll('-', '')}_${now.slice(11, 19).replaceAll(':', '')}`;
  yield `${XML_DECLARATION}<testsuites id="${id}" name="${TOOL_NAME} run at ${now.slice(0, 10)} ${now.slice(11, 19)}" ${TIME}>`;
  const suite = `id="${TOOL_NAME}" name="${escapeXmlAttribute(`${TOOL_NAME} ${context.toolVersion}`)}" ${TIME}`;
  for (const result of results) {
    const { file, errors, checks } = hadolintFile(result);
    const cases = [
      ...errors.map(
        (e) =>
          `<testcase id="${TOOL_NAME}.error" name="DL1000" ${TIME}><failure message="parse error at line ${e.line}, column ${e.column}" type="error">` +
          escapeXmlText(`Parse Error in ${file}\nLine: ${e.line}\nColumn: ${e.column}\nParse Error: ${e.message}\n`) +
          '</failure></testcase>',
      ),
      ...checks.map((c) => {
        const code = escapeXmlAttribute(c.code);
        return (
          `<testcase id="${TOOL_NAME}.rule.${code}" ${TIME}><failure id="${code}" message="${escapeXmlAttribute(c.message)}" type="${c.level}">` +
          escapeXmlText(`File: ${file}\nLine: ${c.line}\nCategory: ${TOOL_NAME} - Dockerfile Static Analysis\n${c.level}: ${c.message}\n`) +
          '</failure></testcase>'
        );
      }),
    ];
    const counts = `errors="${errors.length}" failures="${cases.length}"`;
    yield cases.length === 0 ? `<testsuite ${counts} ${suite}/>` : `<testsuite ${counts} ${suite}>${cases.join('')}</testsuite>`;
  }
  yield '</testsuites>\n';
};

export default junit;
