/**
 * The Host names the server answers to. A web page can rebind its own name to 127.0.0.1 and then read what the
 * server answers under that name (the local mailbox, the sandbox), unless the server refuses names it does not know.
 */

/** Always answered: the loopback names, as a browser on this machine writes them. */
export const loopbackHosts: readonly string[] = ['127.0.0.1', 'localhost', '[::1]'];

/** A host name as it appears in a Host header: lower case, an IPv6 address in brackets, no port. */
export function hostName(value: string): string {
  const host = value.trim().toLowerCase();
  if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1);
  const colons = host.split(':').length - 1;
  // A bare IPv6 address (as given to --host) has several colons; a name or IPv4 address has at most one, the port's.
  if (colons > 1) return `[${host}]`;
  return colons === 1 ? host.slice(0, host.indexOf(':')) : host;
}

/** The names to answer: the loopback names, the listen address and any more the configuration names. */
export const allowedHosts = (listenHost: string, more: readonly string[] = []): Set<string> =>
  new Set([...loopbackHosts, listenHost, ...more].filter(Boolean).map(hostName));

/**
 * Whether a request's Host header names an allowed host (any port). A request without one (HTTP/1.0) is allowed: a
 * browser always sends one, and Node refuses an HTTP/1.1 request without it.
 */
export const hostAllowed = (header: string | undefined, allowed: ReadonlySet<string>): boolean =>
  header === undefined || allowed.has(hostName(header));

/** Whether a socket's remote address is this machine (IPv4 127/8, IPv6 ::1, or 127/8 mapped into IPv6). */
export const isLoopbackAddress = (address: string): boolean => /^(127\.|::1$|::ffff:127\.)/.test(address);
