// A WebSocket→TCP bridge, so that the Neon serverless driver (which speaks the PostgreSQL protocol
// over a WebSocket) can reach an ordinary local PostgreSQL server. Tests only.
//
//   node scripts/neon-bridge.mjs [port]        (default 54330; NEON_BRIDGE_PORT also works; 0 = any free port)
//   DATABASE_DRIVER=neon NEON_WS_PROXY=127.0.0.1:54330 DATABASE_URL=postgres://portal@127.0.0.1:54329/x …
//
// db/index.ts then points the driver at ws://127.0.0.1:54330/v2?address=<host>:<port>; each
// WebSocket becomes one TCP connection to that address. Only loopback addresses are accepted.
import net from 'node:net';
import { WebSocketServer } from 'ws';

const port = Number(process.argv[2] ?? process.env.NEON_BRIDGE_PORT ?? 54330);
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

const server = new WebSocketServer({ host: '127.0.0.1', port });

server.on('connection', (socket, request) => {
  const address = new URL(request.url ?? '/', 'http://bridge').searchParams.get('address') ?? '';
  const cut = address.lastIndexOf(':');
  const host = address.slice(0, cut);
  const targetPort = Number(address.slice(cut + 1));
  if (cut < 1 || !LOOPBACK.has(host) || !Number.isInteger(targetPort)) {
    socket.close(1008, 'loopback addresses only');
    return;
  }
  const tcp = net.connect(targetPort, host.replace(/^\[|\]$/g, ''));
  tcp.setNoDelay(true);
  socket.on('message', (data) => tcp.write(data));
  tcp.on('data', (data) => socket.readyState === socket.OPEN && socket.send(data));
  socket.on('close', () => tcp.destroy());
  socket.on('error', () => tcp.destroy());
  tcp.on('close', () => socket.close());
  tcp.on('error', () => socket.terminate());
});

server.on('listening', () => console.log(`neon-bridge: listening on ws://127.0.0.1:${server.address().port}`));
server.on('error', (err) => {
  console.error(`neon-bridge: ${err.message}`);
  process.exit(1);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
