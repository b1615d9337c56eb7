/**
 * The header's line about the extension: connected or not, and when it received the plan
 * (« Extension connectée — plan envoyé le 04/12/2026 à 20:15 »). A live region (role status): a
 * screen reader hears it change; what to do about it is its title and accessible description.
 */
import { useId } from 'react';
import { fr } from '../../i18n/fr.ts';
import { useBridgeStatus, type BridgeStatus } from './status.ts';

export function statusText(s: BridgeStatus): { text: string; hint: string } {
  if (s.extension === 'waiting') return { text: fr.bridge.waiting, hint: '' };
  if (s.extension === 'absent') return { text: fr.bridge.absent, hint: fr.bridge.absentHint };
  if (!s.planSentAt) return { text: fr.bridge.connectedNoPlan, hint: fr.bridge.connectedNoPlanHint };
  const school = s.planSchool ? (s.planSchool.name ? `${s.planSchool.name} (${s.planSchool.uai})` : s.planSchool.uai) : '';
  return { text: fr.bridge.connectedPlan(fr.common.dateTime(s.planSentAt)), hint: fr.bridge.planHint(school, s.version ?? '?') };
}

export function ExtensionStatus() {
  const status = useBridgeStatus();
  const hintId = useId();
  const { text, hint } = statusText(status);
  return (
    <>
      <span className={`bridge-line bridge-${status.extension}`} role="status" aria-label={fr.bridge.statusLabel} aria-describedby={hint ? hintId : undefined} title={hint || undefined}>
        {text}
      </span>
      {hint ? (
        <span id={hintId} className="visually-hidden">
          {hint}
        </span>
      ) : null}
    </>
  );
}
