const http = require('node:http');

const server = http.createServer((req, res) => {
  if (req.url === '/healthz') {
    res.writeHead(204).end();
    return;
  }
  res.writeHead(200, { 'content-type': 'text/plain' }).end('hello\n');
});

server.listen(3000);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
