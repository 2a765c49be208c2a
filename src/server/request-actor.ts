import type { IncomingHttpHeaders } from 'node:http';

const NAME = /^[A-Za-z0-9._@+-]{1,200}$/;

/**
 * Who a request says it comes from: the `Meshplane-Actor` header (the CLI sends the user's
 * name), else `anonymous`. It names consumers in usage counts and actors in the audit log; it is
 * declared by the client, not authenticated, until API tokens verify it.
 */
export function actorOf(headers: IncomingHttpHeaders): string {
  const value = headers['meshplane-actor'];
  const text = Array.isArray(value) ? value[0] : value;
  return text !== undefined && NAME.test(text) ? text : 'anonymous';
}
