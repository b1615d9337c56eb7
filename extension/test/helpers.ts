/**
 * Unit-test helpers: the replica pages of test/portals (rendered exactly as the replica server
 * serves them) loaded into happy-dom at their replica URL, and the replica school's plan.
 */
import fs from 'node:fs';
import path from 'node:path';
import { vi } from 'vitest';
import type { BridgePlan } from '@raccord/core/bridge/protocol.js';
import { renderPage } from '../../test/portals/render.mjs';
import { indexPlan, type PlanIndex } from '../lib/people';

export const PORTALS_DIR = path.resolve(import.meta.dirname, '../../test/portals');
export const ORIGIN = 'http://localhost:4180';
export const ENTNG_STRUCTURE = '5a1f3c2e-7d4b-4c9e-9f00-0310040a0001';

type HappyWindow = { happyDOM: { setURL(url: string): void } };

/** Loads a replica page into the test document, at `ORIGIN + urlPath`. */
export function loadReplica(urlPath: string, html = renderPage(urlPath)): Document {
  if (html === null) throw new Error(`no replica page ${urlPath}`);
  (window as unknown as HappyWindow).happyDOM.setURL(`${ORIGIN}${urlPath}`);
  // Stylesheets are irrelevant here (and happy-dom does not load them).
  const inner = html.replace(/^[\s\S]*?<html[^>]*>/i, '').replace(/<\/html>\s*$/i, '').replace(/<link rel="stylesheet"[^>]*>/g, '');
  document.documentElement.innerHTML = inner;
  return document;
}

/** Runs one of the replica's own scripts (kosmos.js, entng.js) in the test window. */
export function runReplicaScript(rel: string): void {
  const code = fs.readFileSync(path.join(PORTALS_DIR, rel), 'utf8');
  new Function(code)();
}

export function replicaPlan(): BridgePlan {
  return JSON.parse(fs.readFileSync(path.join(PORTALS_DIR, 'plan.json'), 'utf8')) as BridgePlan;
}

export function replicaIndex(): PlanIndex {
  return indexPlan(replicaPlan());
}

export function entngData(): { structure: { id: string }; users: Record<string, unknown>[] } {
  return JSON.parse(fs.readFileSync(path.join(PORTALS_DIR, 'entng/data.json'), 'utf8'));
}

/**
 * A fetch that answers like the replica server (directory JSON, files), recording the URLs asked.
 * Anything else → 404.
 */
export function stubPortalFetch(): { urls: string[] } {
  const seen = { urls: [] as string[] };
  const data = entngData();
  vi.stubGlobal('fetch', async (input: string | URL | Request) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url, ORIGIN);
    seen.urls.push(url.href);
    const json = (v: unknown) => new Response(JSON.stringify(v), { status: 200, headers: { 'Content-Type': 'application/json' } });
    if (url.pathname === `/directory/structure/${data.structure.id}/users`) return json(data.users.map(({ IDPN: _x, ...u }) => u));
    if (url.pathname === '/directory/users') return json(data.users);
    const user = /^\/directory\/user\/([^/]+)$/.exec(url.pathname);
    if (user) return json(data.users.find((u) => u.id === user[1]));
    if (url.pathname === '/directory/export/users') return new Response('\uFEFF"Id";"Nom"\r\n"AAF-1";"MARTIN"\r\n', { status: 200, headers: { 'Content-Disposition': 'attachment; filename=export.csv' } });
    const file = path.join(PORTALS_DIR, url.pathname);
    if (file.startsWith(PORTALS_DIR) && /\.(csv|xml|zip)$/.test(file) && fs.existsSync(file))
      return new Response(fs.readFileSync(file), { status: 200, headers: { 'Content-Disposition': `attachment; filename="${path.basename(file)}"` } });
    return new Response('Not found', { status: 404 });
  });
  return seen;
}

/** Renders the Open ENT NG replica (its own SPA script) at `urlPath` and waits for `selector`. */
export async function loadEntng(urlPath: string, selector: string): Promise<Document> {
  loadReplica(urlPath, fs.readFileSync(path.join(PORTALS_DIR, 'entng/index.html'), 'utf8'));
  runReplicaScript('entng/entng.js');
  await vi.waitFor(() => {
    if (!document.querySelector(selector)) throw new Error(`waiting for ${selector}`);
  });
  return document;
}
