import type { Reporter } from '../types.ts';
import { escapeXmlAttribute, XML_DECLARATION } from '../xml.ts';
import { hadolintFile } from './common.ts';

/**
 * hadolint's Checkstyle XML: one line, a `<file>` for every file (empty when clean), an
 * `<error column line message severity source>` per check (attributes sorted, column 1, the
 * rule code as source), and a parse error without a source.
 */
const checkstyle: Reporter = function* (results) {
  yield `${XML_DECLARATION}<checkstyle version="4.3">`;
  for (const result of results) {
    const { file, errors, checks } = hadolintFile(result);
    const name = `name="${escapeXmlAttribute(file)}"`;
    const elements = [
      ...errors.map((e) => `<error column="${e.column}" line="${e.line}" message="${escapeXmlAttribute(e.message)}" severity="error"/>`),
      ...checks.map((c) => `<error column="1" line="${c.line}" message="${escapeXmlAttribute(c.message)}" severity="${c.level}" source="${escapeXmlAttribute(c.code)}"/>`),
    ];
    yield elements.length === 0 ? `<file ${name}/>` : `<file ${name}>${elements.join('')}</file>`;
  }
  yield '</checkstyle>\n';
};

export default checkstyle;
