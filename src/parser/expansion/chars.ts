/** Character codes the word lexers compare against. */
export const DOLLAR = 0x24;
export const SINGLE_QUOTE = 0x27;
export const DOUBLE_QUOTE = 0x22;
export const LBRACE = 0x7b;
export const RBRACE = 0x7d;
export const COLON = 0x3a;
export const SLASH = 0x2f;
export const HASH = 0x23;
export const PERCENT = 0x25;
export const MINUS = 0x2d;
export const PLUS = 0x2b;
export const QUESTION = 0x3f;
export const UNDERSCORE = 0x5f;
export const BOM = 0xfeff;
