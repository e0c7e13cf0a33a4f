import type { IncomingMessage } from 'node:http';

/**
 * The body of a request to one of the loopback servers, or `'too-large'` when it is over
 * `limitBytes`. A declared length over the limit is refused before reading; a streamed body that
 * passes it is read to the end and dropped, so the connection is free for the answer.
 */
export function readBody(req: IncomingMessage, limitBytes: number): Promise<Buffer | 'too-large'> {
  if (Number(req.headers['content-length'] ?? '0') > limitBytes) {
    req.resume();
    return Promise.resolve('too-large');
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    req.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total <= limitBytes) chunks.push(chunk);
      else chunks.length = 0;
    });
    req.on('end', () => resolve(total > limitBytes ? 'too-large' : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
