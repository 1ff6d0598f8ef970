import net from 'node:net';

/** Resolves when `port` can be bound on `host`; rejects with a message that says what to do. */
export function assertPortFree(port, host, envVar) {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (error) => {
      const reason =
        error.code === 'EADDRINUSE' ? 'is already in use' : `cannot be used (${error.code})`;
      reject(
        new Error(
          `Port ${port} on ${host} ${reason}. Stop whatever holds it, or choose another port with ${envVar}=<port>.`,
        ),
      );
    });
    probe.once('listening', () => probe.close(() => resolve()));
    probe.listen(port, host);
  });
}
