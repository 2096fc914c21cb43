import type { IncomingMessage } from 'node:http';

/** How long a connection keeps taking (and dropping) the rest of a refused upload after the answer. */
const LINGER_MS = 2_000;

/**
 * Lets the client read an answer given before its body was read (a 413), then closes its connection.
 *
 * Node ends a `Connection: close` answer with `socket.destroySoon()`: the socket is destroyed as soon as the
 * answer is written. A client still sending its body then meets a closed socket, and the kernel answers its
 * next bytes with a reset, which can discard the answer before the client reads it: it sees EPIPE or
 * ECONNRESET instead of the 413 (F4 of `pnpm test:faults` saw 7 of 49 oversized uploads end so). Here the
 * socket is half-closed instead, and what still arrives is read and dropped until the client closes its side or
 * `lingerMs` passes: the lingering close HTTP servers use for early answers. Nothing of the body is kept.
 */
export function lingerOnClose(incoming: IncomingMessage | undefined, lingerMs = LINGER_MS): void {
  const socket = incoming?.socket;
  if (!socket || socket.destroyed) return;
  socket.destroySoon = function lingeringClose(this: typeof socket) {
    const timer = setTimeout(() => this.destroy(), lingerMs);
    timer.unref();
    this.once('close', () => clearTimeout(timer));
    // The client has sent everything and closed its side: nothing is left to drop.
    this.once('end', () => this.destroy());
    this.end();
    // The HTTP parser reads and drops the rest of the request (Node dumps an unread body after the answer).
    this.resume();
  };
}
