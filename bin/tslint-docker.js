#!/usr/bin/env node
// The CLI runs from the compiled build (npm install / npm run build makes dist/).
import { main } from '../dist/src/cli/main.js';

const code = await main(process.argv.slice(2));
// -1: a long-running command (the language server) keeps the process alive
if (code >= 0) process.exitCode = code;
