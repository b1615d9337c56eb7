/**
 * Writes a value into a portal's form field the way a person would, so that the page's framework
 * sees it (after Bitwarden's insert sequence, anchors.md §3.3): open the editor if needed, click,
 * focus, set the value through the native setter (frameworks that track `value` notice), then
 * bubbling `input` and `change` events. Never submits: the admin checks and saves.
 */
import type { PronoteSlot } from '../../portals/types';

type Field = HTMLInputElement | HTMLTextAreaElement;

/** Waits (DOM mutations, then a timeout) for `find` to return something. */
export function waitFor<T>(find: () => T | null, timeoutMs = 3000, root: Node = document): Promise<T | null> {
  const now = find();
  if (now) return Promise.resolve(now);
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      const hit = find();
      if (hit) {
        observer.disconnect();
        clearTimeout(timer);
        resolve(hit);
      }
    });
    const timer = setTimeout(() => {
      observer.disconnect();
      resolve(find());
    }, timeoutMs);
    observer.observe(root, { childList: true, subtree: true, attributes: true });
  });
}

function setNativeValue(field: Field, value: string): void {
  const proto = field instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  if (setter) setter.call(field, value);
  else field.value = value;
}

export type InsertResult = { ok: true; field: Field } | { ok: false; error: string };

export async function insertValue(slot: PronoteSlot, value: string, timeoutMs = 3000): Promise<InsertResult> {
  let field = slot.input();
  if (!field && slot.editControl) {
    slot.editControl.click();
    field = await waitFor(slot.input, timeoutMs);
  }
  if (!field) return { ok: false, error: "Le champ de saisie n'est pas apparu." };
  if (field.readOnly || field.disabled) return { ok: false, error: 'Le champ est en lecture seule.' };
  field.click();
  field.focus();
  setNativeValue(field, value);
  field.dispatchEvent(new Event('input', { bubbles: true }));
  field.dispatchEvent(new Event('change', { bubbles: true }));
  if (field.value !== value) return { ok: false, error: 'La page a refusé la valeur.' };
  return { ok: true, field };
}
