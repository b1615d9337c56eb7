/**
 * Open ENT NG record: the console has no PRONOTE ID field, so the panel is read-only: expected
 * ID (plan) vs current IDPN (directory JSON), and the fix — re-run the timetable import, or first
 * resolve the duplicate account that holds the ID.
 */
import { personLabel } from '../../lib/people';
import { entngRoute, idpnValue } from '../../portals/entng';
import { linkLabel, refusalMessage, sameAsExplanation } from '../labels';
import { showPanel, type PanelModel } from '../ui';
import type { Feature } from '../types';
import { compareIdpn, FIX_IMPORT, holderFix, sameAsFix, type IdpnStatus } from './compare';
import { loadDirectory } from './directory';

export const TITLE = 'Raccord — identifiant PRONOTE (lecture seule)';

export function entngPanelModel(s: IdpnStatus, subject: string, login: string, copy: (id: string) => void): PanelModel {
  const base: PanelModel = { title: TITLE, subject };
  switch (s.kind) {
    case 'unknown-person':
      return { ...base, message: { tone: 'info', text: 'Ce compte n’est pas dans le plan de Raccord.' } };
    case 'several-people':
      return { ...base, message: { tone: 'warn', text: 'Plusieurs personnes du plan portent ce login : vérifiez dans Raccord.' } };
    case 'refused':
      return {
        ...base,
        subject: personLabel(s.person),
        rows: [{ label: 'Login', value: login }, { label: 'Lien', value: linkLabel(s.person) }],
        message: refusalMessage(s.reason),
        candidates: s.person.candidates?.map((c) => ({ value: c.pronoteId, label: c.label })),
        evidence: s.person.evidence,
      };
  }
  const rows: NonNullable<PanelModel['rows']> = [
    { label: 'Login', value: login },
    { label: 'Attendu', value: s.expected, mono: true, tone: 'ok' },
    { label: 'Dans l’ENT', value: s.kind === 'missing' ? '(aucun)' : s.current, mono: s.kind !== 'missing', tone: s.kind === 'ok' ? 'ok' : 'error' },
    { label: 'Lien', value: linkLabel(s.person) },
  ];
  const model: PanelModel = { ...base, subject: personLabel(s.person), rows, evidence: s.person.evidence };
  const twin = s.sameAs ? `${sameAsExplanation(s.person, s.sameAs)} ` : '';
  if (s.kind === 'ok') return { ...model, message: { tone: 'ok', text: `${twin}L’identifiant PRONOTE de l’ENT est le bon.` } };
  const what = s.kind === 'missing' ? 'L’ENT n’a pas d’identifiant PRONOTE pour ce compte.' : `L’ENT porte un autre identifiant (${s.current}) que celui de PRONOTE (${s.expected}).`;
  const holderIsTwin = !!s.holder && !!s.sameAs?.some((p) => p.entLogins.includes(s.holder!.login ?? ''));
  const fix = s.sameAs ? sameAsFix(holderIsTwin) : s.holder ? holderFix(s.holder) : FIX_IMPORT;
  return {
    ...model,
    message: { tone: s.kind === 'missing' ? 'warn' : 'error', text: `${twin}${what} ${fix}` },
    actions: [{ label: 'Copier l’identifiant attendu', onClick: () => copy(s.expected) }],
  };
}

export const entngIds: Feature = {
  id: 'entng-ids',
  include: (page) => page.portal === 'entng' && page.kinds.includes('user-record'),
  async run({ doc, url, index, signal }) {
    const route = entngRoute(url);
    const userId = route?.users?.userId;
    if (!route || !userId) return;
    const key = `entng:${url.pathname}`;
    if (!index) {
      showPanel(doc, key, { title: TITLE, message: { tone: 'info', text: 'Aucun plan reçu de Raccord (ou il a expiré). Ouvrez Raccord et envoyez le plan à l’extension.' } }, signal);
      return;
    }
    const all = await loadDirectory(url.origin, route.structureId);
    if (signal.aborted) return;
    const user = all.find((u) => u.id === userId);
    if (!user) return;
    const subject = `${user.lastName ?? ''} ${user.firstName ?? ''}`.trim();
    const status = compareIdpn(index, user, all);
    const copy = (id: string) => void navigator.clipboard?.writeText(id);
    const model = entngPanelModel(status, subject, user.login ?? '', copy);
    if (status.kind === 'ok' || status.kind === 'missing' || status.kind === 'different') {
      model.rows?.push({ label: 'Brut (annuaire)', value: user.IDPN ?? '(vide)', mono: true });
      if (idpnValue(user.IDPN) !== (user.IDPN ?? '')) model.subjectNote = 'L’annuaire préfixe l’identifiant par l’établissement (« UAI$ID »).';
    }
    showPanel(doc, key, model, signal);
  },
};
