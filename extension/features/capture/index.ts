/**
 * Capture: next to each export download the portal offers (SIECLE XML/zip, STS-web sts_emp, ENT
 * identifiers CSV, Open ENT NG « Exporter »), an « Envoyer à Raccord » button fetches the same
 * file on the page's own origin with the admin's session, and hands it to the app through the
 * extension — no save-and-reupload.
 */
import { browser } from 'wxt/browser';
import { bytesToBase64 } from '../../lib/bytes';
import { fetchSameOrigin, fileNameFromDisposition } from '../../lib/fetch';
import type { CaptureResponse, RuntimeMessage } from '../../lib/messages';
import { fileNameOfUrl } from '../../lib/dom';
import type { ExportLink } from '../../portals/types';
import { inlineButton } from '../ui';
import type { Feature } from '../types';

/** Same ceiling as the app's reader (64 MiB). */
export const MAX_CAPTURE_BYTES = 64 * 1024 * 1024;

export const LABEL = 'Envoyer à Raccord';

export async function captureLink(link: ExportLink, pageOrigin: string): Promise<CaptureResponse> {
  const res = await fetchSameOrigin(link.url, pageOrigin);
  const declared = Number(res.headers.get('content-length') ?? 0);
  if (declared > MAX_CAPTURE_BYTES) return { ok: false, error: 'Fichier trop volumineux (plus de 64 Mo).' };
  const bytes = await res.arrayBuffer();
  if (bytes.byteLength > MAX_CAPTURE_BYTES) return { ok: false, error: 'Fichier trop volumineux (plus de 64 Mo).' };
  if (bytes.byteLength === 0) return { ok: false, error: 'Le portail a renvoyé un fichier vide.' };
  const name = fileNameFromDisposition(res.headers.get('content-disposition')) || link.fileName || fileNameOfUrl(link.url) || 'export';
  const message: RuntimeMessage = { type: 'capture', file: { name, base64: bytesToBase64(bytes), portalHost: new URL(pageOrigin).host } };
  return (await browser.runtime.sendMessage(message)) as CaptureResponse;
}

export const capture: Feature = {
  id: 'capture',
  include: (page) => page.kinds.includes('exports'),
  run({ doc, url, adapter }) {
    for (const link of adapter.exportLinks?.(doc, url) ?? []) {
      const button = inlineButton(doc, link.anchor, 'capture', LABEL, async (b) => {
        b.disabled = true;
        b.textContent = 'Envoi…';
        try {
          const r = await captureLink(link, url.origin);
          if (r.ok) {
            b.textContent = r.delivered ? 'Envoyé à Raccord ✓' : 'En attente de Raccord (ouvrez l’application)';
          } else {
            b.textContent = `Échec : ${r.error}`;
            b.disabled = false;
          }
        } catch (e) {
          b.textContent = `Échec : ${e instanceof Error ? e.message : String(e)}`;
          b.disabled = false;
        }
        b.setAttribute('aria-live', 'polite');
      });
      button?.setAttribute('title', `Envoyer ${link.fileName || 'ce fichier'} directement dans l’application Raccord, sans l’enregistrer`);
    }
  },
};
