const http = require('node:http');

http
  .get('http://127.0.0.1:3000/healthz', (res) => process.exit(res.statusCode < 400 ? 0 : 1))
  .on('error', () => process.exit(1));
