import { connect } from 'node:net';

/** What a flooding client saw: the answer's status line and how many body bytes the server let it send. */
export interface FloodOutcome {
  status: number | null;
  bodyBytesSent: number;
}

/**
 * Sends `head` (request line and headers, without the blank line) and then up to `bodyBytes` of body
 * in 64 KiB chunks (chunked framing unless the head declares a Content-Length), whatever the server
 * answers, like a client that never reads before it has written everything. Ends when all is sent and
 * the server closes, or when the server cuts the connection.
 */
export function flood(port: number, head: string, bodyBytes: number): Promise<FloodOutcome> {
  const chunked = !/\r\ncontent-length:/i.test(head);
  const piece = Buffer.alloc(64 * 1024, 0x61);
  const frame = chunked ? Buffer.concat([Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from('\r\n')]) : piece;
  return new Promise((resolve) => {
    let answer = '';
    let sent = 0;
    const socket = connect(port, '127.0.0.1');
    const done = (): void => {
      const status = /^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1];
      resolve({ status: status === undefined ? null : Number(status), bodyBytesSent: sent });
    };
    socket.on('data', (c: Buffer) => (answer += c.toString('latin1')));
    socket.on('error', () => undefined);
    socket.on('close', done);
    socket.write(`${head}\r\n${chunked ? 'transfer-encoding: chunked\r\n' : ''}\r\n`);
    const pump = (): void => {
      while (sent < bodyBytes && !socket.destroyed) {
        sent += piece.length;
        if (!socket.write(frame)) return void socket.once('drain', pump);
      }
      if (!socket.destroyed) socket.end(chunked ? '0\r\n\r\n' : '');
    };
    pump();
  });
}
