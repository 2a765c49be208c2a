import type { HttpPullConfig } from './http-pull-config.js';
import type { PagePosition } from './pull-checkpoint.js';
import type { WatermarkValue } from './watermark.js';

/**
 * The URL of a page: the first one (no position) or the one at `position`. The watermark a walk
 * started with rides on every request built here; a `Link` target is used as the API gave it. Pure.
 */
export function pageUrl(
  config: HttpPullConfig,
  position: PagePosition | undefined,
  watermark: WatermarkValue | undefined,
): string {
  if (position !== undefined && 'url' in position) return position.url;
  const url = new URL(config.url);
  const mark = config.watermark;
  if (mark?.param !== undefined && watermark !== undefined)
    url.searchParams.set(mark.param, String(watermark));
  const p = config.pagination;
  if (p.type === 'cursor' && position !== undefined && 'cursor' in position) {
    url.searchParams.set(p.param, position.cursor);
  }
  if (p.type === 'offset') {
    url.searchParams.set(
      p.param,
      String(position !== undefined && 'offset' in position ? position.offset : 0),
    );
    if (p.limitParam !== undefined) url.searchParams.set(p.limitParam, String(p.limit));
  }
  return url.href;
}
