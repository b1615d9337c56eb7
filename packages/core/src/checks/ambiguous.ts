/**
 * match.ambiguous — warning: a person or an account Raccord cannot link with certainty (two
 * homonyms, a missing birth date…). Nothing is autofilled for it until the admin chooses; the
 * finding lists the candidates with their evidence. One finding per ENT account (from the
 * assignments and the account's owner link), then one per other record with an ambiguous link.
 */
import type { Link, SubjectRef } from '../match/types.js';
import type { CheckRule } from './types.js';
import { accountRef, indexDataset, personKey, personRef, pronoteLabel, type DatasetIndex, type RawFinding } from './common.js';

function label(idx: DatasetIndex, r: SubjectRef): string {
  if (r.source === 'ent') {
    const a = idx.accountByLogin.get(r.id);
    return a ? accountRef(a).label! : `compte ENT ${r.id}`;
  }
  if (r.source === 'pronote') {
    const row = idx.pronoteById.get(r.id);
    return `fiche PRONOTE ${r.id}${row ? ` – ${pronoteLabel(row)}` : r.label ? ` – ${r.label}` : ''}`;
  }
  return r.label ?? personRef(idx, r)?.label ?? `${r.kind} ${r.id}`;
}

function candidatesOf(idx: DatasetIndex, l: Link): string[] {
  const from = l.from;
  const rivals = [l.to, ...(l.candidates ?? [])].filter(
    (c, i, all) => personKey(c) !== personKey(from) && all.findIndex((x) => personKey(x) === personKey(c)) === i,
  );
  return rivals.map((c) => label(idx, c));
}

export const ambiguous: CheckRule = {
  code: 'match.ambiguous',
  title: 'Rapprochement incertain : à trancher',
  severity: 'warning',
  description:
    "Raccord ne peut pas relier avec certitude une personne ou un compte (homonymes, date de naissance absente, nom trop différent) : plusieurs candidats restent possibles. Aucun identifiant n'est proposé au remplissage tant que l'administrateur n'a pas choisi.",
  fix: [
    "Choisir le bon candidat dans Raccord (ou indiquer « pas la même personne »).",
    "1. Comparer les candidats : date de naissance, classe, enfants rattachés, INE.",
    "2. En cas de doute, vérifier dans PRONOTE (onglet Ressources, fiche de la personne) et dans SIECLE Base élèves (Fiches élèves > Recherche et MAJ).",
    "3. Une fois le choix fait, l'identifiant PRONOTE peut être collé dans l'ENT (Annuaire > Rechercher un utilisateur, « Modifier la valeur » sur la ligne de l'établissement).",
  ].join('\n'),
  run(ctx) {
    const idx = indexDataset(ctx.dataset);
    const m = ctx.match;
    const out: RawFinding[] = [];
    const covered = new Set<string>();

    for (const a of m.assignments) {
      const owner = m.entOwner.get(a.entLogin);
      const assignmentOpen = a.decision === 'ambiguous' && !a.confirmedByAdmin;
      const ownerOpen = owner?.decision === 'ambiguous';
      if (!assignmentOpen && !ownerOpen) continue;
      const account = idx.accountByLogin.get(a.entLogin);
      const subjects: SubjectRef[] = [account ? accountRef(account) : { source: 'ent', kind: 'account', id: a.entLogin }];
      if (a.person && !ownerOpen) subjects.push(personRef(idx, a.person) ?? a.person);
      const evidence: string[] = [];
      if (ownerOpen) {
        evidence.push(`Compte ENT ${a.entLogin} : plusieurs personnes possibles dans SIECLE/STS-web : ${candidatesOf(idx, owner).join(' ; ')}.`);
        if (owner.evidence.length) evidence.push(`Indices : ${owner.evidence.join(', ')}.`);
        covered.add(personKey(owner.from));
      }
      if (assignmentOpen) {
        evidence.push(`Compte ENT ${a.entLogin}${a.person?.label ? ` (${a.person.label})` : ''} : plusieurs fiches PRONOTE possibles.`);
        for (const c of a.candidates ?? []) evidence.push(`Candidat ${c.pronoteId} : ${c.label}${c.evidence.length ? ` — ${c.evidence.join(', ')}` : ''}.`);
        if (!a.candidates?.length && a.evidence.length) evidence.push(`Indices : ${a.evidence.join(', ')}.`);
        if (a.person) covered.add(personKey(a.person));
      }
      covered.add(personKey(subjects[0]!));
      out.push({ subjects, evidence });
    }

    for (const l of m.links) {
      if (l.decision !== 'ambiguous' || covered.has(personKey(l.from))) continue;
      covered.add(personKey(l.from));
      const who = l.from.source === 'ent' ? l.from : personRef(idx, l.from) ?? l.from;
      out.push({
        subjects: [{ ...who, label: label(idx, who) }],
        evidence: [
          `${label(idx, who)} : plusieurs correspondances possibles : ${candidatesOf(idx, l).join(' ; ')}.`,
          ...(l.evidence.length ? [`Indices : ${l.evidence.join(', ')}.`] : []),
        ],
      });
    }
    return out;
  },
};
