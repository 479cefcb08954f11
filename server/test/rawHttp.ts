/** HTTP over a raw connection, for tests that need bytes exactly as written and a client that keeps sending. */
import { connect } from 'node:net';

export interface Exchange {
  status: number;
  /** The answer as received: status line, headers and body. */
  answer: string;
  /** Body bytes the client had sent when the answer came. */
  sent: number;
}

/**
 * Sends `head` over a raw connection, then body chunks (`chunk`, `total` bytes in all) for as long as the server
 * has not answered, and waits for the answer and the connection's end. Raw, so that Content-Length, chunking and
 * Host are exactly as written and the client keeps sending until the answer comes, as an attacker would.
 */
export function exchange(
  port: number,
  head: string,
  body?: { chunk: Buffer; total: number; chunked?: boolean },
  options: { hangUp?: boolean } = {},
): Promise<Exchange> {
  return new Promise((done) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    let sent = 0;
    let sentWhenAnswered = -1;
    let wake: () => void = () => {};
    const woken = () => new Promise<void>((resume) => (wake = resume));
    socket.on('data', (data: Buffer) => {
      if (sentWhenAnswered < 0) sentWhenAnswered = sent;
      answer += data.toString('latin1');
      wake();
    });
    // Writing after the server closed the connection fails (EPIPE, ECONNRESET): expected, once it has answered.
    socket.on('error', () => wake());
    socket.on('close', () => {
      wake();
      done({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0), answer, sent: sentWhenAnswered });
    });
    socket.once('connect', async () => {
      if (options.hangUp) socket.end(head);
      else socket.write(head);
      if (!body) return;
      const frame = body.chunked
        ? Buffer.concat([Buffer.from(`${body.chunk.length.toString(16)}\r\n`), body.chunk, Buffer.from('\r\n')])
        : body.chunk;
      while (sent < body.total && answer === '' && !socket.destroyed) {
        sent += body.chunk.length;
        if (!socket.write(frame)) {
          const drained = new Promise<void>((resume) => socket.once('drain', resume));
          await Promise.race([drained, woken()]);
        }
      }
      if (body.chunked && answer === '' && !socket.destroyed) socket.write('0\r\n\r\n');
    });
  });
}

/** The JSON body of an answer as received. */
export const bodyOf = (answer: string) => JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as unknown;
