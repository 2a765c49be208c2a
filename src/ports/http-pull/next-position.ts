import { MeshplaneError } from '../../errors/index.js';
import type { FetchedPage } from './fetch-page.js';
import { sameOrigin, shownUrl } from './fetch-page.js';
import type { HttpPullConfig } from './http-pull-config.js';
import { readJsonPath } from './json-path.js';
import { nextLink } from './link-header.js';
import type { PagePosition } from './pull-checkpoint.js';

function refused(page: FetchedPage, message: string): MeshplaneError {
  return new MeshplaneError('PRECONDITION_FAILED', `GET ${shownUrl(page.url)}: ${message}`);
}

/**
 * Where the walk goes after `page` (fetched at `position`, `count` records in it), or undefined
 * when it was the last. A next page equal to the current one would loop forever and is refused,
 * as is a `Link` to another origin (the port's headers may hold secrets). Pure.
 */
export function nextPosition(
  config: HttpPullConfig,
  page: FetchedPage,
  position: PagePosition | undefined,
  count: number,
): PagePosition | undefined {
  const p = config.pagination;
  switch (p.type) {
    case 'none':
      return undefined;
    case 'cursor': {
      const cursor = readJsonPath(page.body, p.next);
      if (cursor === undefined || cursor === null || cursor === '' || cursor === false) return undefined;
      if (typeof cursor !== 'string' && typeof cursor !== 'number') {
        throw refused(
          page,
          `the cursor at ${p.next.text} is ${Array.isArray(cursor) ? 'an array' : typeof cursor}, not text`,
        );
      }
      const text = String(cursor);
      if (position !== undefined && 'cursor' in position && position.cursor === text) {
        throw refused(page, `the API gave the same cursor again (${p.next.text}); the walk would never end`);
      }
      return { cursor: text };
    }
    case 'offset': {
      if (count < p.limit || count === 0) return undefined;
      const offset = position !== undefined && 'offset' in position ? position.offset : 0;
      return { offset: offset + count };
    }
    case 'link': {
      const next = nextLink(page.link, page.url);
      if (next === undefined) return undefined;
      if (!sameOrigin(next, config.url)) {
        throw refused(
          page,
          `the next link leads to another origin (${new URL(next).origin}); refused so the port's headers stay with the API`,
        );
      }
      if (next === page.url)
        throw refused(page, 'the next link points at the same page; the walk would never end');
      return { url: next };
    }
  }
}
