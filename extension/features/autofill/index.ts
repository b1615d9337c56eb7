/**
 * Autofill: on an ENT user record (Kosmos-style « Modifier la valeur » per school), a panel shows
 * the PRONOTE ID the plan expects, the current value and the evidence; one click fills it (only a
 * certain or admin-confirmed link). See policy.ts for what is allowed and insert.ts for how.
 */
import type { BridgePerson } from '@raccord/core/bridge/protocol.js';
import { personLabel } from '../../lib/people';
import { designatedSlot, pickField, PRONOTE_FIELD, rememberField } from '../designate';
import { showPanel, type PanelModel } from '../ui';
import type { Feature, FeatureEnv } from '../types';
import { insertValue } from './insert';
import { decideFill, type FillDecision, type Identification } from './policy';

export const TITLE = 'Raccord — identifiant PRONOTE';

const BY: Record<Identification, string> = {
  login: 'Reconnu par son identifiant ENT',
  'name-birth': 'Reconnu par le nom et la date de naissance',
  name: 'Reconnu par le nom seulement : vérifiez qu’il s’agit bien de cette personne',
};

export function linkLabel(p: BridgePerson): string {
  if (p.decision === 'certain') return 'certain';
  if (p.confirmedByAdmin) return `${p.decision ?? 'probable'}, confirmé par l’administrateur`;
  return p.decision ?? 'aucun';
}

/** What the panel says for a refused link. Shared with the Open ENT NG panel. */
export function refusalMessage(reason: 'ambiguous' | 'unconfirmed' | 'no-id' | 'shared'): PanelModel['message'] {
  switch (reason) {
    case 'ambiguous':
      return { tone: 'warn', text: 'Lien ambigu : plusieurs identifiants PRONOTE sont possibles. Rien n’est rempli : tranchez dans Raccord.' };
    case 'unconfirmed':
      return { tone: 'warn', text: 'Lien probable, non confirmé : confirmez-le dans Raccord avant tout remplissage.' };
    case 'shared':
      return { tone: 'error', text: 'Le plan attribue cet identifiant à plusieurs personnes : rien n’est rempli. Vérifiez dans Raccord.' };
    case 'no-id':
      return { tone: 'info', text: 'Aucun identifiant PRONOTE attendu pour cette personne.' };
  }
}

/** Panel state that survives re-runs (per record): a confirmation step, the outcome of a fill. */
interface UiState {
  confirming?: boolean;
  outcome?: PanelModel['message'];
}
const states = new Map<string, UiState>();

type Actions = { fill(): void; confirm(): void; cancel(): void; designate(): void };

/** The panel for a decision; an outcome in progress (a fill, a designation) is the message. */
export function panelModel(d: FillDecision, identityLabel: string, state: UiState, act: Actions): PanelModel {
  const model = decisionModel(d, identityLabel, state, act);
  return state.outcome ? { ...model, message: state.outcome } : model;
}

function decisionModel(d: FillDecision, identityLabel: string, state: UiState, act: Actions): PanelModel {
  const base: PanelModel = { title: TITLE, subject: identityLabel };
  switch (d.kind) {
    case 'no-plan':
      return { ...base, message: { tone: 'info', text: 'Aucun plan reçu de Raccord (ou il a expiré). Ouvrez Raccord et envoyez le plan à l’extension.' } };
    case 'unknown-person':
      return { ...base, message: { tone: 'info', text: 'Cette personne n’est pas dans le plan de Raccord : rien à remplir.' } };
    case 'several-people':
      return {
        ...base,
        message: { tone: 'warn', text: 'Plusieurs personnes du plan correspondent à cette fiche : rien n’est rempli.' },
        candidates: d.people.map((p) => ({ value: p.pronoteId ?? '—', label: personLabel(p) })),
      };
    case 'refused':
      return {
        ...base,
        subject: personLabel(d.person),
        rows: [{ label: 'Lien', value: linkLabel(d.person) }],
        message: refusalMessage(d.reason),
        candidates: d.person.candidates?.map((c) => ({ value: c.pronoteId, label: c.label })),
        evidence: d.person.evidence,
      };
    case 'other-school':
      return {
        ...base,
        subject: personLabel(d.person),
        rows: [{ label: 'Attendu', value: d.expected, mono: true }],
        message: { tone: 'warn', text: `Aucune ligne pour l’établissement du plan sur cette fiche (${d.schools.join(' ; ')}). Rien n’est rempli.` },
        evidence: d.person.evidence,
      };
    case 'no-slot':
      return {
        ...base,
        subject: personLabel(d.person),
        subjectNote: BY[d.by],
        rows: [{ label: 'Attendu', value: d.expected, mono: true }],
        message: { tone: 'warn', text: 'Raccord ne trouve pas le champ de l’identifiant PRONOTE sur cette page. Désignez-le une fois : il sera retenu pour ce site.' },
        evidence: d.person.evidence,
        actions: [{ label: 'Désigner le champ', onClick: act.designate }],
      };
  }
  const rows: NonNullable<PanelModel['rows']> = [
    { label: 'Attendu', value: d.expected, mono: true, tone: 'ok' },
    { label: 'Actuel', value: d.slot.current || '(vide)', mono: !!d.slot.current, tone: d.kind === 'conflict' ? 'error' : undefined },
    { label: 'Lien', value: linkLabel(d.person) },
    { label: 'Ligne', value: d.slot.schoolLabel },
  ];
  const model: PanelModel = { ...base, subject: personLabel(d.person), subjectNote: BY[d.by], rows, evidence: d.person.evidence };
  if (d.kind === 'ok') return { ...model, message: { tone: 'ok', text: 'L’identifiant PRONOTE est déjà le bon.' } };
  if (d.kind === 'fill') {
    return d.confirm
      ? { ...model, actions: [{ label: 'C’est bien cette personne : remplir', onClick: act.fill, primary: true }] }
      : { ...model, actions: [{ label: 'Remplir l’identifiant PRONOTE', onClick: act.fill, primary: true }] };
  }
  // conflict: never replaced without the admin's confirmation.
  if (state.confirming) {
    return {
      ...model,
      message: { tone: 'warn', text: `Confirmez le remplacement de ${d.current} par ${d.expected}.` },
      actions: [
        { label: 'Confirmer le remplacement', onClick: act.fill, primary: true },
        { label: 'Annuler', onClick: act.cancel },
      ],
    };
  }
  return {
    ...model,
    message: { tone: 'error', text: `La fiche porte un autre identifiant (${d.current}) que celui attendu (${d.expected}). Rien n’est remplacé sans votre confirmation.` },
    actions: [{ label: 'Remplacer…', onClick: act.confirm }],
  };
}

export const autofill: Feature = {
  id: 'autofill',
  include: (page) => page.kinds.includes('user-record') && page.portal !== 'entng',
  run(env: FeatureEnv) {
    const { doc, url, adapter, index, signal } = env;
    const record = adapter.record?.(doc, url);
    if (!record) return;
    const id = record.identity;
    const key = `autofill:${url.href}:${id.login ?? ''}`;
    const state = states.get(key) ?? {};
    states.set(key, state);
    signal.addEventListener('abort', () => states.delete(key), { once: true });
    const loc = env.designations[PRONOTE_FIELD];
    // Decided again from the page at every render and at the click itself: the page may have changed.
    const decide = () => decideFill(index, adapter.record?.(doc, url) ?? record, loc ? designatedSlot(doc, loc) : undefined);
    const label = [id.family, id.given].filter(Boolean).join(' ') || id.displayName || id.login || 'Fiche utilisateur';
    const render = () => showPanel(doc, key, panelModel(decide(), label, state, act), signal);
    const act = {
      fill: async () => {
        const d = decide();
        const allowed = d.kind === 'fill' || (d.kind === 'conflict' && state.confirming);
        state.confirming = false;
        if (!allowed) {
          state.outcome = { tone: 'warn', text: 'La fiche a changé : rien n’a été rempli. Vérifiez, puis recommencez.' };
        } else {
          const r = await insertValue(d.slot, d.expected);
          state.outcome = r.ok
            ? { tone: 'ok', text: 'Identifiant rempli. Vérifiez-le, puis enregistrez dans la page (« Valider »).' }
            : { tone: 'error', text: `Rien n’a été rempli : ${r.error}` };
        }
        render();
      },
      confirm: () => {
        state.confirming = true;
        render();
      },
      cancel: () => {
        state.confirming = false;
        render();
      },
      designate: async () => {
        state.outcome = { tone: 'info', text: 'Cliquez dans le champ où coller l’identifiant PRONOTE (Échap pour annuler).' };
        render();
        const picked = await pickField(doc, signal);
        state.outcome = undefined;
        if (picked) await rememberField(url.origin, PRONOTE_FIELD, picked);
        else render();
      },
    };
    render();
  },
};
