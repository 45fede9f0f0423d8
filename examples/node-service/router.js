/**
 * A tiny exact-path router: `routes[path][METHOD] = handler`. An unknown path is 404 NOT_FOUND; a known
 * path with another method is 405 METHOD_NOT_ALLOWED with an `Allow` header. Query strings are ignored.
 */
import { HttpError } from './http.js';

/**
 * @param {Record<string, Record<string, Function>>} routes
 * @returns `(method, url) => handler`, throwing HttpError 404 / 405.
 */
export function createRouter(routes) {
  const table = new Map(Object.entries(routes));
  return (method, url) => {
    const path = String(url ?? '/').split('?')[0];
    const methods = table.get(path);
    if (!methods) throw new HttpError(404, 'NOT_FOUND', `no route ${path.slice(0, 200)}`, { routes: [...table.keys()] });
    const handler = methods[method];
    if (!handler) {
      const allow = Object.keys(methods).join(', ');
      throw new HttpError(405, 'METHOD_NOT_ALLOWED', `${path} accepts ${allow}, not ${String(method).slice(0, 20)}`, { allow: Object.keys(methods) }, { allow });
    }
    return handler;
  };
}
