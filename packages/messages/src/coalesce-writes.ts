import type { Socket } from 'node:net';
import type { Redis } from 'ioredis';

const patched = new WeakSet<Socket>();

/**
 * Makes `redis` hand the commands it writes within one turn of the event loop to the kernel as one write:
 * the socket is corked at the first write and uncorked by `setImmediate`, once the turn has run every callback
 * of the I/O it polled. ioredis otherwise makes a `write` system call per command; with 50 messages in hand
 * every turn delivers several eCall answers and Redis replies, each of whose continuations writes the next
 * step's command, and each such system call costs far more than its bytes (on loopback the sender runs Redis's
 * side of TCP too, and on a virtual machine the wake-up of Redis's thread is dearer still). Uncorked on the next
 * tick (the pattern Node's documentation gives), the commands of one callback left together, but every callback
 * made a write of its own: 1.18 writes to Redis per relayed message. Once per turn, 0.2, and the worker's CPU per
 * message fell by 10-18 % in three alternating runs (pnpm bench B3).
 *
 * Only the batching changes: the bytes, their order on the connection and the replies are the same, so
 * ordering guarantees between commands of one connection hold as before. Unlike ioredis' auto-pipelining
 * no command waits for another's reply and no pipeline objects are made. Applied again on every reconnect.
 *
 * Used on the worker's connections and on the api's connection for eCall's callbacks. Not on the connection of
 * the api's message-creating requests: their create scripts are heavy for Redis, and held to the end of a turn
 * they no longer overlapped the api's own work (pnpm bench B1 fell by a tenth).
 */
export function coalesceWrites<T extends Redis>(redis: T): T {
  const patch = () => {
    const socket = (redis as unknown as { stream?: Socket }).stream;
    if (!socket || patched.has(socket)) return;
    patched.add(socket);
    const write = socket.write;
    let corked = false;
    const uncork = () => {
      corked = false;
      socket.uncork();
    };
    socket.write = function (this: Socket, ...args: Parameters<Socket['write']>) {
      if (!corked) {
        corked = true;
        socket.cork();
        setImmediate(uncork);
      }
      return write.apply(this, args);
    } as Socket['write'];
  };
  redis.on('connect', patch);
  patch();
  return redis;
}
