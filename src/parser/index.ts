export { parseDockerfile } from './parser.ts';
export { printDockerfile, dumpBuildkit } from './print.ts';
export type * from './ast.ts';
export { LineIndex, type Position, type Range } from './source.ts';
export { allTokens, nodeTokens, TokenStore } from './tokens.ts';
