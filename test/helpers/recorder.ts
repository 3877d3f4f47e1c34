// A listener on 127.0.0.1 that records every connection and every byte it is
// sent, and answers nothing. A hostile postwright.json points a target's host
// here: whatever a publish would have sent the stranger's server (an HTTP
// request with a bearer token or a signed S3 request, an SSH handshake) shows
// up in `received`. Raw TCP, so one listener stands in for every protocol.
import { createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { onTestFinished } from 'vitest';

export interface Recorder {
  readonly port: number;
  /** Connections accepted so far. */
  connections(): number;
  /** Everything received, all connections together. */
  received(): Buffer;
}

/** A recorder stopped when the current test finishes. */
export async function startRecorder(): Promise<Recorder> {
  const chunks: Buffer[] = [];
  const sockets = new Set<Socket>();
  let connections = 0;
  const server = createServer((socket) => {
    connections += 1;
    sockets.add(socket);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  });
  return { port: (server.address() as AddressInfo).port, connections: () => connections, received: () => Buffer.concat(chunks) };
}
