const { cpSync, mkdirSync } = require('node:fs');

mkdirSync('dist', { recursive: true });
cpSync('src', 'dist', { recursive: true });
