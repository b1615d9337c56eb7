/** Capture: the « Envoyer à Raccord » button, the same-origin fetch, the message to the background. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { FEATURES } from '../features';
import { captureLink, LABEL } from '../features/capture';
import { startFeatures } from '../features/manager';
import { base64ToBytes } from '../lib/bytes';
import { fetchSameOrigin, fileNameFromDisposition } from '../lib/fetch';
import type { RuntimeMessage } from '../lib/messages';
import { ENTNG_STRUCTURE, loadEntng, loadReplica, ORIGIN, stubPortalFetch } from './helpers';
import { LIST_VARIANTS } from '../../test/portals/render.mjs';

let stop: (() => void) | undefined;
const sent: RuntimeMessage[] = [];

beforeEach(() => {
  fakeBrowser.reset();
  sent.length = 0;
  fakeBrowser.runtime.onMessage.addListener((msg: unknown) => {
    sent.push(msg as RuntimeMessage);
    return Promise.resolve({ ok: true, delivered: true });
  });
});
afterEach(() => {
  stop?.();
  vi.unstubAllGlobals();
});

async function run(): Promise<void> {
  const m = startFeatures(FEATURES, { onInvalidated: () => undefined });
  stop = m.stop;
  await m.runNow();
}

const buttons = () => Array.from(document.querySelectorAll<HTMLButtonElement>('button[data-raccord="capture"]'));

describe('capture buttons on the export pages', () => {
  // Each export page in every markup variant its replica has (`?variante=…`).
  const inVariants = (page: string, n: number) => [page, ...(LIST_VARIANTS[page] ?? []).map((v) => `${page}?variante=${v.id}`)].map((url) => [url, n] as const);
  it.each([
    ...inVariants('/siecle/exportations.html', 1),
    ...inVariants('/sts/exports.html', 1),
    ...inVariants('/kosmos/identifiants.html', 2),
    ['/siecle/fiches-eleves.html', 0] as const,
  ])('%s: %i button(s), added once', async (url, n) => {
    loadReplica(url);
    await run();
    expect(buttons()).toHaveLength(n);
    expect(buttons().every((b) => b.textContent === LABEL)).toBe(true);
    await m2();
    expect(buttons()).toHaveLength(n);
  });

  it('a click sends the file (name from Content-Disposition, exact bytes) and says so', async () => {
    stubPortalFetch();
    loadReplica('/sts/exports.html');
    await run();
    buttons()[0]!.click();
    await vi.waitFor(() => expect(buttons()[0]!.textContent).toBe('Envoyé à Raccord ✓'));
    const msg = sent.find((m) => m.type === 'capture');
    expect(msg?.type === 'capture' && msg.file.name).toBe('sts_emp_0310040A_2025.xml');
    const bytes = new Uint8Array(base64ToBytes(msg!.type === 'capture' ? msg!.file.base64 : ''));
    expect(new TextDecoder('iso-8859-15').decode(bytes)).toContain('<UAJ CODE="0310040A">');
    expect(msg?.type === 'capture' && msg.file.portalHost).toBe('localhost:4180');
  });

  it('Open ENT NG « Exporter »: the console’s export URL, fetched on the page origin', async () => {
    const seen = stubPortalFetch();
    await loadEntng(`/admin/${ENTNG_STRUCTURE}/imports-exports/export`, '#export-btn');
    await run();
    buttons()[0]!.click();
    await vi.waitFor(() => expect(sent.some((m) => m.type === 'capture')).toBe(true));
    expect(seen.urls).toContain(`${ORIGIN}/directory/export/users?format=csv&filterActive=&structureId=${ENTNG_STRUCTURE}&type=`);
  });

  it('a portal error is shown on the button, nothing is sent', async () => {
    vi.stubGlobal('fetch', async () => new Response('no', { status: 401 }));
    loadReplica('/siecle/exportations.html');
    await run();
    buttons()[0]!.click();
    await vi.waitFor(() => expect(buttons()[0]!.textContent).toBe('Échec : Le portail a répondu 401.'));
    expect(sent).toHaveLength(0);
  });
});

async function m2(): Promise<void> {
  const m = startFeatures(FEATURES, { onInvalidated: () => undefined });
  await m.runNow();
  m.stop();
}

describe('same origin only', () => {
  it('refuses any other origin before a request exists', async () => {
    const fetchSpy = vi.fn();
    vi.stubGlobal('fetch', fetchSpy);
    await expect(fetchSameOrigin('https://evil.example/x.csv', ORIGIN)).rejects.toThrow('Raccord ne contacte que l');
    await expect(captureLink({ anchor: document.body, url: 'http://localhost:9999/x.zip', fileName: 'x.zip' }, ORIGIN)).rejects.toThrow();
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('file names from Content-Disposition', () => {
    expect(fileNameFromDisposition('attachment; filename=export.csv')).toBe('export.csv');
    expect(fileNameFromDisposition('attachment; filename="sts_emp_0310040A_2025.xml"')).toBe('sts_emp_0310040A_2025.xml');
    expect(fileNameFromDisposition("attachment; filename*=UTF-8''El%C3%A8ves.zip")).toBe('Elèves.zip');
    expect(fileNameFromDisposition('attachment; filename="../../etc/passwd"')).toBe('passwd');
    expect(fileNameFromDisposition(null)).toBeUndefined();
  });
});
