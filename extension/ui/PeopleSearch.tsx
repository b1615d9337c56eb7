/**
 * One-click copy: search a person of the plan, see at once what to do with each of their ENT
 * accounts (à coller, à remplacer, déjà bon, absent de PRONOTE, à décider dans Raccord) and copy
 * the PRONOTE ID only where pasting it is right, or the ENT login.
 */
import { useMemo, useState } from 'react';
import { browser } from 'wxt/browser';
import type { BridgePerson } from '@raccord/core/bridge/protocol.js';
import type { StoredPlan } from '../lib/storage';
import { accountState, idToCopy, STATE_LABEL, type AccountState } from './account-state';
import { frDateTime, schoolLabel, usePlan, useSettings } from './usePlan';
import { searchPeople } from './search';
import { indexPlan } from '../lib/people';

const PROFILE: Record<BridgePerson['profile'], string> = { pupil: 'élève', guardian: 'responsable', teacher: 'enseignant', staff: 'personnel', other: 'autre' };

type Copy = (value: string, what: string) => void;

export function PeopleSearch() {
  const { stored, loading } = usePlan();
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState('');
  const index = useMemo(() => (stored ? indexPlan(stored.plan) : null), [stored]);
  const results = useMemo(() => (stored ? searchPeople(stored.plan.people, query) : []), [stored, query]);

  const copy: Copy = (value, what) => {
    navigator.clipboard.writeText(value).then(
      () => setStatus(`${what} copié : ${value}`),
      () => setStatus('La copie a échoué : sélectionnez la valeur et copiez-la à la main.'),
    );
  };

  if (loading) return <p>Chargement…</p>;
  if (!stored || !index) return <NoPlan />;

  return (
    <section aria-label="Rechercher une personne">
      <PlanLine stored={stored} />
      <label className="field">
        <span className="note">Nom, prénom, classe, login ou identifiant</span>
        <input type="search" value={query} autoFocus placeholder="Rechercher une personne" onChange={(e) => setQuery(e.target.value)} />
      </label>
      <p role="status" aria-live="polite" className="note">
        {status}
      </p>
      <ul className="people" aria-label="Résultats">
        {results.map((p) => {
          const who = `${p.family} ${p.given}`;
          return (
            <li key={p.key}>
              <div className="who">
                {who}
                {p.division ? ` (${p.division})` : ''} <span className="note">— {PROFILE[p.profile]}</span>
              </div>
              {p.entLogins.map((login) => (
                <Account key={login} login={login} who={p.entLogins.length > 1 ? `${who} (${login})` : who} state={accountState(index, p, login)} copy={copy} />
              ))}
            </li>
          );
        })}
      </ul>
      {query && !results.length ? <p className="note">Personne ne correspond.</p> : null}
    </section>
  );
}

/** « Plan de LYCEE … (0310040A), reçu le 04/12/2026 à 20:15 ». */
function PlanLine({ stored }: { stored: StoredPlan }) {
  return (
    <p className="note plan-line">
      Plan de <strong>{schoolLabel(stored.plan.school)}</strong>, reçu de l’application le {frDateTime(stored.storedAt)} (calculé le {frDateTime(stored.plan.generatedAt)}) ;
      effacé le {frDateTime(stored.expiresAt)}.
    </p>
  );
}

/** What really happens: the app sends the plan by itself once it has analysed an import. */
function NoPlan() {
  const settings = useSettings();
  const origin = settings?.appOrigin;
  return (
    <section aria-label="Aucun plan">
      <p>
        <strong>Aucun plan reçu.</strong>
      </p>
      <p className="note">
        Ouvrez l’application Raccord{origin ? ` (${origin})` : ''} avec un import analysé : dès que sa page est ouverte, elle envoie d’elle-même le plan à
        l’extension, et le renvoie à chaque nouvelle analyse ou décision. Le plan est effacé à la fin de la durée de conservation réglée dans l’application.
      </p>
      {origin ? (
        <button type="button" onClick={() => void browser.tabs.create({ url: `${origin}/` })}>
          Ouvrir l’application Raccord
        </button>
      ) : null}
    </section>
  );
}

function Account({ login, who, state, copy }: { login: string; who: string; state: AccountState; copy: Copy }) {
  const id = idToCopy(state);
  return (
    <div className="account">
      <p className="state-line">
        <span className={`state state-${state.kind}`}>{STATE_LABEL[state.kind]}</span> <StateDetail state={state} />
      </p>
      {state.kind === 'decide' && state.candidates.length ? (
        <ul className="candidates" aria-label="Candidats">
          {state.candidates.map((c) => (
            <li key={c.pronoteId}>
              {c.label} — <span className="mono">{c.pronoteId}</span>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="ids">
        {id ? (
          <>
            <span>PRONOTE</span>
            <span className="mono">{id}</span>
            <button type="button" onClick={() => copy(id, 'Identifiant PRONOTE')} aria-label={`Copier l’identifiant PRONOTE de ${who}`}>
              Copier
            </button>
          </>
        ) : null}
        <span>ENT</span>
        <span className="mono">{login}</span>
        <button type="button" onClick={() => copy(login, 'Login ENT')} aria-label={`Copier le login ENT de ${who}`}>
          Copier
        </button>
      </div>
    </div>
  );
}

function StateDetail({ state }: { state: AccountState }) {
  const carries = (current: string | undefined) => (current ? <> L’ENT porte aujourd’hui <span className="mono">{current}</span>.</> : null);
  switch (state.kind) {
    case 'paste':
      return <span className="note">l’ENT n’a pas d’identifiant PRONOTE : coller celui-ci.{state.note ? ` ${state.note}.` : ''}</span>;
    case 'replace':
      return (
        <span className="note">
          l’ENT porte <span className="mono">{state.current}</span>, l’identifiant attendu est <span className="mono">{state.expected}</span>.{state.note ? ` ${state.note}.` : ''}
        </span>
      );
    case 'right':
      return (
        <span className="note">
          l’ENT porte déjà <span className="mono">{state.expected}</span> : rien à faire.
        </span>
      );
    case 'absent':
      return (
        <span className="note">
          {state.why}.{carries(state.current)}
        </span>
      );
    case 'no-list':
      return <span className="note">importez la liste PRONOTE de ce profil dans Raccord.{carries(state.current)}</span>;
    case 'decide':
      return (
        <span className="note">
          {state.why} ; rien n’est proposé à coller.{carries(state.current)}
        </span>
      );
  }
}
