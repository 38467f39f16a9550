import type { FastifyInstance } from 'fastify';

/**
 * A reply sent before the request's body has arrived (401 from authentication, which runs before the body is
 * read; 413; 415) closes the connection after it. Otherwise Node goes on waiting for the rest of a body the
 * client may never send: the connection is neither idle nor in a handler, so it stays open until the request
 * timeout (60 s), a graceful shutdown waits that long for it, and a client refused once could hold a connection
 * that way. A request whose body was read, or that has none, keeps its keep-alive connection.
 */
export function registerUnreadBodyClose(app: FastifyInstance): void {
  app.addHook('onSend', (request, reply, payload, done) => {
    if (!request.raw.complete) reply.header('connection', 'close');
    done(null, payload);
  });
}
