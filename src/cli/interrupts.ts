// What stops a command as Ctrl-C does: SIGINT, SIGTERM, and, for a command run by the HTTP service, the loss of
// its IPC channel (the service was killed). Registered by each entry point; the returned function removes them.
// A service that went away before the command got this far (it still loads its modules when a killed server's
// channel closes) is noticed at registration: the handler runs at once.
export function onProcessInterrupt(handler: () => void): () => void {
  const events = ['SIGINT', 'SIGTERM', 'disconnect'] as const;
  for (const event of events) process.on(event, handler);
  if (process.send !== undefined && !process.connected) setImmediate(handler);
  return () => {
    for (const event of events) process.off(event, handler);
  };
}
