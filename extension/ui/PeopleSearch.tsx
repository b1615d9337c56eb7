/**
 * One-click copy: search a person of the plan and copy their PRONOTE ID or ENT login. A PRONOTE
 * ID is offered only for a certain or admin-confirmed link; ambiguous people show why not.
 */
import { useMemo, useState } from 'react';
import type { BridgePerson } from '@raccord/core/bridge/protocol.js';
import { indexPlan, usableId } from '../lib/people';
import { frDateTime, usePlan } from './usePlan';
import { searchPeople } from './search';

const PROFILE: Record<BridgePerson['profile'], string> = { pupil: 'élève', guardian: 'responsable', teacher: 'enseignant', staff: 'personnel', other: 'autre' };

const REFUSAL: Record<string, string> = {
  ambiguous: 'ambigu : à trancher dans Raccord',
  unconfirmed: 'lien probable, non confirmé',
  'no-id': 'aucun identifiant attendu',
  shared: 'identifiant en double dans le plan',
};

export function PeopleSearch() {
  const { stored, loading } = usePlan();
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState('');
  const index = useMemo(() => (stored ? indexPlan(stored.plan) : null), [stored]);
  const results = useMemo(() => (index ? searchPeople(index.plan.people, query) : []), [index, query]);

  const copy = async (value: string, what: string) => {
    try {
      await navigator.clipboard.writeText(value);
      setStatus(`${what} copié : ${value}`);
    } catch {
      setStatus('La copie a échoué : sélectionnez la valeur et copiez-la à la main.');
    }
  };

  if (loading) return <p>Chargement…</p>;
  if (!stored || !index)
    return (
      <p className="note">
        Aucun plan : ouvrez Raccord et envoyez le plan à l’extension. Les plans sont effacés après la durée de conservation choisie.
      </p>
    );

  return (
    <section aria-label="Rechercher une personne">
      <p className="note">
        Plan du {frDateTime(stored.plan.generatedAt)} — {stored.plan.school.name ?? stored.plan.school.uai}, effacé le {frDateTime(stored.expiresAt)}.
      </p>
      <label>
        <span className="note">Nom, prénom, classe, login ou identifiant</span>
        <input type="search" value={query} autoFocus placeholder="Rechercher une personne" onChange={(e) => setQuery(e.target.value)} />
      </label>
      <p role="status" aria-live="polite" className="note">
        {status}
      </p>
      <ul className="people" aria-label="Résultats">
        {results.map((p) => {
          const id = usableId(index, p);
          return (
            <li key={p.key}>
              <div className="who">
                {p.family} {p.given}
                {p.division ? ` (${p.division})` : ''} <span className="note">— {PROFILE[p.profile]}</span>
              </div>
              <div className="ids">
                <span>PRONOTE</span>
                {'id' in id ? <span className="mono">{id.id}</span> : <span className="warn">{REFUSAL[id.refused]}</span>}
                {'id' in id ? (
                  <button type="button" onClick={() => void copy(id.id, 'Identifiant PRONOTE')} aria-label={`Copier l’identifiant PRONOTE de ${p.family} ${p.given}`}>
                    Copier
                  </button>
                ) : (
                  <span />
                )}
                {p.entLogins.map((login) => (
                  <FragmentRow key={login} label="ENT" value={login} onCopy={() => void copy(login, 'Login ENT')} who={`${p.family} ${p.given}`} />
                ))}
              </div>
            </li>
          );
        })}
      </ul>
      {query && !results.length ? <p className="note">Personne ne correspond.</p> : null}
    </section>
  );
}

function FragmentRow(props: { label: string; value: string; who: string; onCopy: () => void }) {
  return (
    <>
      <span>{props.label}</span>
      <span className="mono">{props.value}</span>
      <button type="button" onClick={props.onCopy} aria-label={`Copier le login ENT de ${props.who}`}>
        Copier
      </button>
    </>
  );
}
