setInterval(() => console.log('tick'), 60_000);
process.on('SIGTERM', () => process.exit(0));
