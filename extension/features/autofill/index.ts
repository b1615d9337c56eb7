/**
 * Autofill: on an ENT user record (Kosmos-style « Modifier la valeur » per school), a panel shows
 * the PRONOTE ID the plan expects, the current value and the evidence; one click fills it (only a
 * certain or admin-confirmed link). See policy.ts for what is allowed and insert.ts for how.
 * When the page does not say whose record it is, « Choisir la personne » searches the plan (the
 * popup's search); the choice lives only as long as the page.
 */
import type { BridgePerson } from '@raccord/core/bridge/protocol.js';
import type { PlanIndex } from '../../lib/people';
import { personLabel } from '../../lib/people';
import { searchPeople } from '../../ui/search';
import { designatedSlot, pickField, PRONOTE_FIELD, rememberField } from '../designate';
import { linkLabel, PROFILE_LABEL, refusalMessage, sameAsExplanation } from '../labels';
import { showPanel, type PanelModel } from '../ui';
import type { Feature, FeatureEnv } from '../types';
import { insertValue } from './insert';
import { decideFill, type FillDecision, type Identification } from './policy';

export const TITLE = 'Raccord — identifiant PRONOTE';

const BY: Record<Identification, string> = {
  login: 'Reconnu par son identifiant ENT',
  'name-birth': 'Reconnu par le nom et la date de naissance',
  name: 'Reconnu par le nom seulement : vérifiez qu’il s’agit bien de cette personne',
  choice: 'Personne choisie par vous : vérifiez qu’il s’agit bien d’elle',
};

/** Panel state that survives re-runs (per record): a confirmation step, the outcome of a fill. */
interface UiState {
  confirming?: boolean;
  outcome?: PanelModel['message'];
  /** « Choisir la personne » is open, with what the admin typed. */
  choosing?: boolean;
  query?: string;
  /** Key of the plan person the admin chose for this page (forgotten when the page goes). */
  chosenKey?: string;
}
const states = new Map<string, UiState>();

export interface Actions {
  fill(): void;
  confirm(): void;
  cancel(): void;
  designate(): void;
  /** « Choisir la personne »: open, type, pick, drop the choice. */
  choose(): void;
  query(q: string): void;
  pick(p: BridgePerson): void;
  unchoose(): void;
}

/** The panel for a decision; an outcome in progress (a fill, a designation) is the message. */
export function panelModel(d: FillDecision, identityLabel: string, state: UiState, act: Actions, index?: PlanIndex | null): PanelModel {
  const model = decisionModel(d, identityLabel, state, act, index ?? null);
  // Whoever the admin chose can be changed again.
  if (state.chosenKey && d.kind !== 'no-plan') model.actions = [...(model.actions ?? []), { label: 'Changer de personne', onClick: act.unchoose }];
  return state.outcome ? { ...model, message: state.outcome } : model;
}

const CHOOSE = 'Si vous savez de qui est cette fiche, choisissez la personne dans le plan : Raccord applique ensuite les mêmes règles.';

/** « Choisir la personne »: the button, or the search of the plan (by name, class or login) once opened. */
function chooser(model: PanelModel, state: UiState, act: Actions, index: PlanIndex | null, initial: BridgePerson[] = []): PanelModel {
  if (!state.choosing || !index) return { ...model, actions: [{ label: 'Choisir la personne', onClick: act.choose, primary: true }] };
  const query = state.query ?? '';
  const hits = query.trim() ? searchPeople(index.plan.people, query, 12) : initial;
  return {
    ...model,
    search: {
      label: 'Rechercher dans le plan : nom, prénom, classe ou login ENT',
      query,
      onQuery: act.query,
      results: hits.map((p) => ({
        label: personLabel(p),
        note: [PROFILE_LABEL[p.profile], ...p.entLogins].join(', '),
        onPick: () => act.pick(p),
      })),
      empty: query.trim() ? 'Personne ne correspond.' : undefined,
    },
    actions: [{ label: 'Annuler', onClick: act.cancel }],
  };
}

function decisionModel(d: FillDecision, identityLabel: string, state: UiState, act: Actions, index: PlanIndex | null): PanelModel {
  const base: PanelModel = { title: TITLE, subject: identityLabel };
  switch (d.kind) {
    case 'no-plan':
      return { ...base, message: { tone: 'info', text: 'Aucun plan reçu de Raccord (ou il a expiré). Ouvrez Raccord et envoyez le plan à l’extension.' } };
    case 'unknown-person': {
      const why = d.empty
        ? 'Raccord ne trouve sur cette fiche ni le nom ni l’identifiant ENT de la personne : rien n’est rempli.'
        : 'Raccord ne trouve pas cette personne dans le plan : rien n’est rempli.';
      return chooser({ ...base, message: { tone: 'warn', text: `${why} ${CHOOSE}` } }, state, act, index);
    }
    case 'several-people':
      return chooser(
        {
          ...base,
          message: { tone: 'warn', text: `Plusieurs personnes du plan correspondent à cette fiche : rien n’est rempli. ${CHOOSE}` },
          candidates: d.people.map((p) => ({ value: p.pronoteId ?? '—', label: personLabel(p) })),
        },
        state,
        act,
        index,
        d.people,
      );
    case 'refused':
      return {
        ...base,
        subject: personLabel(d.person),
        subjectNote: BY[d.by],
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
  if (d.sameAs) rows.push({ label: 'Même personne', value: d.sameAs.map((p) => `${personLabel(p)}, ${p.entLogins.join(', ')}`).join(' ; ') });
  const model: PanelModel = { ...base, subject: personLabel(d.person), subjectNote: BY[d.by], rows, evidence: d.person.evidence };
  const sameAs = d.sameAs ? sameAsExplanation(d.person, d.sameAs) : undefined;
  if (d.kind === 'ok') return { ...model, message: { tone: 'ok', text: `L’identifiant PRONOTE est déjà le bon.${sameAs ? ` ${sameAs}` : ''}` } };
  if (d.kind === 'fill') {
    if (sameAs) return { ...model, message: { tone: 'info', text: sameAs }, actions: [{ label: 'Même personne, même identifiant : remplir', onClick: act.fill, primary: true }] };
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
    // A page with a PRONOTE row but no identity the adapter can read still gets a panel (to choose the person).
    const record = adapter.record?.(doc, url) ?? { identity: {}, slots: [] };
    const id = record.identity;
    const key = `autofill:${url.href}:${id.login ?? ''}`;
    const state = states.get(key) ?? {};
    states.set(key, state);
    signal.addEventListener('abort', () => states.delete(key), { once: true });
    const loc = env.designations[PRONOTE_FIELD];
    // Decided again from the page at every render and at the click itself: the page may have changed.
    const chosen = () => (state.chosenKey ? index?.plan.people.find((p) => p.key === state.chosenKey) : undefined);
    const decide = () => decideFill(index, adapter.record?.(doc, url) ?? record, loc ? designatedSlot(doc, loc) : undefined, chosen());
    const label = [id.family, id.given].filter(Boolean).join(' ') || id.displayName || id.login || 'Fiche utilisateur';
    const render = () => showPanel(doc, key, panelModel(decide(), label, state, act, index), signal);
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
        state.choosing = false;
        render();
      },
      choose: () => {
        state.choosing = true;
        state.query = '';
        render();
      },
      query: (q: string) => {
        state.query = q;
        render();
      },
      pick: (p: BridgePerson) => {
        state.choosing = false;
        state.query = '';
        state.chosenKey = p.key;
        state.outcome = undefined;
        render();
      },
      unchoose: () => {
        state.chosenKey = undefined;
        state.outcome = undefined;
        state.choosing = true;
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
