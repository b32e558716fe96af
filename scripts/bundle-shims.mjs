// Injected by scripts/bundle.mjs wherever bundled CommonJS code reads __filename or
// __dirname as free variables (ESM has neither): the path of the bundle chunk itself.
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const filename = fileURLToPath(import.meta.url);
export { filename as __filename };
export const __dirname = dirname(filename);
