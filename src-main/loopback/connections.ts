import type { Server } from 'node:http';
import type { Socket } from 'node:net';

/** How long a loopback server waits for a client, and how many connections it holds at once. */
export interface ConnectionLimits {
  /** Time from connecting to the end of the request headers; a silent socket is closed after it. */
  headersTimeoutMs: number;
  /** Time to receive a whole request, body included. */
  requestTimeoutMs: number;
  /** How long an idle kept-alive connection stays open between requests. */
  keepAliveTimeoutMs: number;
  /** Connections held at once, long-lived ones (an event stream) included. */
  maxConnections: number;
}

/** Limits for a server that only a local page and local scripts talk to. */
export const LOOPBACK_LIMITS: ConnectionLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  maxConnections: 128,
};

/** The `createServer` options that apply `limits`' timeouts (checked every second rather than every 30). */
export function serverTimeouts(limits: ConnectionLimits): {
  headersTimeout: number;
  requestTimeout: number;
  keepAliveTimeout: number;
  connectionsCheckingInterval: number;
} {
  return {
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    connectionsCheckingInterval: Math.min(1_000, limits.headersTimeoutMs),
  };
}

/**
 * Caps `server` at `max` connections. A connection over the cap does not push out real work: the
 * connection that has been idle longest (connected and silent, or kept alive between requests) is
 * closed to make room, and only when every held connection has a request in progress (an event
 * stream counts as one for as long as it is open) is the new connection refused. So a flood of silent
 * sockets can neither exhaust the process's file descriptors nor lock the operator's page out.
 */
export function capConnections(server: Server, max: number): void {
  // Insertion order is idle order: a socket re-enters at the end each time it goes idle.
  const idle = new Set<Socket>();
  const inFlight = new Map<Socket, number>();
  server.on('connection', (socket: Socket) => {
    if (idle.size + inFlight.size >= max) {
      const oldest = idle.values().next();
      if (oldest.done) return void socket.destroy();
      idle.delete(oldest.value);
      oldest.value.destroy();
    }
    idle.add(socket);
    socket.on('close', () => {
      idle.delete(socket);
      inFlight.delete(socket);
    });
  });
  server.on('request', (req, res) => {
    const socket = req.socket;
    idle.delete(socket);
    inFlight.set(socket, (inFlight.get(socket) ?? 0) + 1);
    res.on('close', () => {
      const left = (inFlight.get(socket) ?? 1) - 1;
      if (left > 0) return void inFlight.set(socket, left);
      inFlight.delete(socket);
      if (!socket.destroyed) idle.add(socket);
    });
  });
}
