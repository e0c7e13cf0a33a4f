import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * The body of a request to one of the loopback servers, or `'too-large'` when it is over
 * `limitBytes`. A declared length over the limit is refused before reading; a streamed body stops
 * being read at the first byte past the limit. Either way the rest stays unread: answer through
 * {@link closeIfBodyUnread} (or with `Connection: close`) so the connection closes after the answer
 * instead of reading the rest to keep it alive.
 */
export function readBody(req: IncomingMessage, limitBytes: number): Promise<Buffer | 'too-large'> {
  if (Number(req.headers['content-length'] ?? '0') > limitBytes) return Promise.resolve('too-large');
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const onData = (chunk: Buffer): void => {
      total += chunk.length;
      if (total <= limitBytes) return void chunks.push(chunk);
      req.off('data', onData);
      req.pause();
      chunks.length = 0;
      resolve('too-large');
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * Call before writing an answer. When the request's body has not been read to the end (a refusal
 * before reading it, at a failed check or past the size limit), the answer closes the connection:
 * keeping it alive would mean reading, and dropping, whatever the client still sends.
 */
export function closeIfBodyUnread(res: ServerResponse): void {
  if (!res.req.complete) res.setHeader('connection', 'close');
}
