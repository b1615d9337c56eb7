/** Every portal adapter Raccord knows, tried in this order on an enabled host. */
import { entng } from './entng';
import { kosmos } from './kosmos';
import { siecle } from './siecle';
import { sts } from './sts';
import type { PageInfo, PortalAdapter } from './types';

export const ADAPTERS: readonly PortalAdapter[] = [entng, kosmos, siecle, sts];

/** The first adapter that recognises the page, with what the page is. */
export function detectPage(doc: Document, url: URL): { adapter: PortalAdapter; page: PageInfo } | null {
  for (const adapter of ADAPTERS) {
    const kinds = adapter.detect(doc, url);
    if (kinds && kinds.length) return { adapter, page: { portal: adapter.id, kinds } };
  }
  return null;
}
