// node:http or node:https for a server's URL. node:https loads TLS and crypto, some 4 ms of every start-up, so it
// is required only when a host is https (MEILI_HOST); the managed server is plain http on 127.0.0.1.
import http from 'node:http';
import { createRequire } from 'node:module';

export type HttpModule = typeof http | typeof import('node:https');

let https: typeof import('node:https') | undefined;

/** The module that speaks `url`'s protocol. */
export function protocolOf(url: URL): HttpModule {
  if (url.protocol !== 'https:') return http;
  https ??= createRequire(import.meta.url)('node:https') as typeof import('node:https');
  return https;
}
