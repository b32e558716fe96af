// Characters XML 1.0 cannot carry even as references: C0 controls but tab, LF, CR;
// lone surrogates; U+FFFE and U+FFFF.
const NOT_XML_CHAR =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function replaceNonXmlCharacters(text: string): string {
  return text.replace(NOT_XML_CHAR, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

// a parser normalizes raw tabs and line breaks in attributes to spaces: keep them as references
const ATTRIBUTE_ESCAPES: Record<string, string> = {
  ...TEXT_ESCAPES,
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/** Element content; `>` is escaped too so `]]>` can never appear. */
export function escapeXmlText(text: string): string {
  return replaceNonXmlCharacters(text).replace(/[&<>]|\r/g, (char) => TEXT_ESCAPES[char] ?? '&#13;');
}

export function escapeXmlAttribute(text: string): string {
  return replaceNonXmlCharacters(text).replace(/[&<>"'\t\n\r]/g, (char) => ATTRIBUTE_ESCAPES[char]!);
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
