// The language server from source, for tests that drive it over stdio before a build exists.
import { startLanguageServer } from '../../src/lsp/server.ts';

startLanguageServer();
