/**
 * A small strict XML 1.0 well-formedness checker for the XML reporters' tests: it
 * rejects what a conforming parser rejects in the subset we emit (bad characters,
 * unknown entities, `<` or `]]>` in content, unquoted or duplicate attributes,
 * mismatched tags, content outside the root) and returns the decoded tree.
 */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: Array<XmlElement | string>;
}

const INVALID_CHAR = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;
const NAME = /[A-Za-z_:][-A-Za-z0-9_:.]*/y;
const WHITESPACE = /[ \t\n]*/y;
const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function parseXml(input: string): XmlElement {
  const invalid = INVALID_CHAR.exec(input);
  if (invalid) throw new Error(`character U+${invalid[0].codePointAt(0)!.toString(16)} is not allowed in XML`);
  // XML processors normalize line ends before parsing
  const xml = input.replace(/\r\n?/g, '\n');
  let pos = 0;

  const fail = (what: string): never => {
    throw new Error(`${what} at offset ${pos}: ${JSON.stringify(xml.slice(pos, pos + 30))}`);
  };
  const skipWhitespace = () => {
    WHITESPACE.lastIndex = pos;
    WHITESPACE.exec(xml);
    pos = WHITESPACE.lastIndex;
  };
  const name = (): string => {
    NAME.lastIndex = pos;
    const match = NAME.exec(xml);
    if (!match) return fail('expected a name');
    pos = NAME.lastIndex;
    return match[0];
  };
  const expect = (literal: string) => {
    if (!xml.startsWith(literal, pos)) fail(`expected ${JSON.stringify(literal)}`);
    pos += literal.length;
  };
  const reference = (): string => {
    const end = xml.indexOf(';', pos);
    if (end < 0) return fail('unterminated reference');
    const body = xml.slice(pos + 1, end);
    let text: string | undefined;
    if (/^#[0-9]+$/.test(body)) text = String.fromCodePoint(Number(body.slice(1)));
    else if (/^#x[0-9A-Fa-f]+$/.test(body)) text = String.fromCodePoint(parseInt(body.slice(2), 16));
    else text = PREDEFINED[body];
    if (text === undefined || INVALID_CHAR.test(text)) fail(`bad reference &${body};`);
    pos = end + 1;
    return text!;
  };
  const miscellany = () => {
    for (;;) {
      skipWhitespace();
      if (xml.startsWith('<!--', pos)) {
        const end = xml.indexOf('-->', pos + 4);
        if (end < 0) fail('unterminated comment');
        pos = end + 3;
      } else if (xml.startsWith('<?', pos)) {
        const end = xml.indexOf('?>', pos + 2);
        if (end < 0) fail('unterminated processing instruction');
        pos = end + 2;
      } else return;
    }
  };
  const attributeValue = (): string => {
    const quote = xml[pos];
    if (quote !== '"' && quote !== "'") return fail('attribute value must be quoted');
    pos++;
    let value = '';
    for (;;) {
      const char = xml[pos];
      if (char === undefined) return fail('unterminated attribute value');
      if (char === quote) break;
      if (char === '<') fail('"<" in attribute value');
      if (char === '&') value += reference();
      else {
        // attribute-value normalization: literal whitespace becomes a space
        value += char === '\t' || char === '\n' ? ' ' : char;
        pos++;
      }
    }
    pos++;
    return value;
  };
  const element = (): XmlElement => {
    expect('<');
    const tag = name();
    const attributes: Record<string, string> = {};
    for (;;) {
      const before = pos;
      skipWhitespace();
      if (xml.startsWith('/>', pos)) {
        pos += 2;
        return { name: tag, attributes, children: [] };
      }
      if (xml[pos] === '>') {
        pos++;
        break;
      }
      if (pos === before) fail('attributes must be separated by whitespace');
      const attribute = name();
      if (Object.hasOwn(attributes, attribute)) fail(`duplicate attribute ${attribute}`);
      skipWhitespace();
      expect('=');
      skipWhitespace();
      attributes[attribute] = attributeValue();
    }
    const children: Array<XmlElement | string> = [];
    let text = '';
    const flush = () => {
      if (text !== '') children.push(text);
      text = '';
    };
    for (;;) {
      if (pos >= xml.length) fail(`unclosed <${tag}>`);
      if (xml.startsWith('</', pos)) {
        pos += 2;
        if (name() !== tag) fail(`mismatched end tag for <${tag}>`);
        skipWhitespace();
        expect('>');
        flush();
        return { name: tag, attributes, children };
      }
      if (xml.startsWith('<![CDATA[', pos)) {
        const end = xml.indexOf(']]>', pos);
        if (end < 0) fail('unterminated CDATA');
        text += xml.slice(pos + 9, end);
        pos = end + 3;
      } else if (xml.startsWith('<!--', pos) || xml.startsWith('<?', pos)) {
        const close = xml.startsWith('<!--', pos) ? '-->' : '?>';
        const end = xml.indexOf(close, pos + 2);
        if (end < 0) fail('unterminated comment or processing instruction');
        pos = end + close.length;
      } else if (xml[pos] === '<') {
        flush();
        children.push(element());
      } else if (xml[pos] === '&') {
        text += reference();
      } else {
        if (xml.startsWith(']]>', pos)) fail('"]]>" in content');
        text += xml[pos];
        pos++;
      }
    }
  };

  if (xml.startsWith('<?xml', pos)) {
    const end = xml.indexOf('?>', pos);
    if (end < 0) fail('unterminated XML declaration');
    pos = end + 2;
  }
  miscellany();
  const root = element();
  miscellany();
  if (pos !== xml.length) fail('content after the root element');
  return root;
}

export function childElements(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((child): child is XmlElement => typeof child !== 'string' && child.name === name);
}

export function textContent(element: XmlElement): string {
  return element.children.map((child) => (typeof child === 'string' ? child : textContent(child))).join('');
}
