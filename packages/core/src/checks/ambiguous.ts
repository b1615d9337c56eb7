/**
 * match.ambiguous — warning: accounts or people Raccord cannot link with certainty (two
 * homonyms nothing in the files tells apart, a missing birth date…). Nothing is autofilled for
 * them until the admin chooses; the finding lists the candidates with their evidence.
 *
 * A hesitation between the records of one SIECLE duplicate, or with someone who is not current
 * (a contact, a leaver), is not reported: it has one answer. Nor is an account whose ENT already
 * carries one of its candidate IDs, carried by no other account: it works, nothing to decide.
 *
 * What must be decided together is reported together: ambiguous assignments and links that share
 * a candidate (two ENT accounts hesitating between the same two PRONOTE rows) make one finding,
 * with every account, person and candidate as subjects.
 */
import type { Link, SubjectRef } from '../match/types.js';
import type { CheckRule } from './types.js';
import {
  accountRef,
  describePupil,
  guardianIdentity,
  indexDataset,
  noteSole,
  otherEnd,
  personKey,
  personRef,
  pronoteLabel,
  type DatasetIndex,
  type RawFinding,
} from './common.js';
import { peopleOf, personOf, surePronoteRow, type Person } from './people.js';
import { clusterBy } from './duplicates.js';

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

/**
 * A candidate with the facts that tell it from the others: a guardian's level, children, address,
 * phones and e-mail; a pupil's class, ids and birth date; a PRONOTE guardian row's children.
 */
function candidateFacts(idx: DatasetIndex, r: SubjectRef): string {
  if (r.source === 'siecle' && r.kind === 'guardian') {
    const g = idx.guardianById.get(r.id);
    if (g) return guardianIdentity(idx, g);
  }
  if (r.source === 'siecle' && r.kind === 'pupil') {
    const p = idx.pupilById.get(r.id);
    if (p) return describePupil(p);
  }
  if (r.source === 'pronote') {
    const row = idx.pronoteById.get(r.id);
    if (row?.profile === 'guardian' && row.children.length) return `${label(idx, r)}, enfants ${row.children.map((c) => c.raw).join(', ')}`;
  }
  return label(idx, r);
}

/** A subject with its best label (records and accounts from the dataset). */
function subject(idx: DatasetIndex, r: SubjectRef): SubjectRef {
  if (r.source === 'ent') {
    const a = idx.accountByLogin.get(r.id);
    return a ? accountRef(a) : { source: r.source, kind: r.kind, id: r.id };
  }
  if (r.source === 'pronote') return { source: r.source, kind: r.kind, id: r.id, label: label(idx, r) };
  return personRef(idx, r) ?? r;
}

/** One undecided question: who hesitates (`about`) between which candidates, and why. */
interface Question {
  about: SubjectRef[];
  candidates: SubjectRef[];
  evidence: string[];
}

/** A person PRONOTE lists: a current pupil, a legal guardian or « personne en charge » of one, staff. */
function claimsPronoteRow(p: Person): boolean {
  return p.current || p.level === 'in-charge';
}

function rivals(l: Link): SubjectRef[] {
  const from = personKey(l.from);
  const seen = new Set<string>();
  return [l.to, ...(l.candidates ?? [])].filter((c) => {
    const k = personKey(c);
    if (k === from || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
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
    const questions: Question[] = [];
    const asked = new Set<string>();

    // Hesitations that are not questions for the admin: between the records of one SIECLE
    // duplicate (one person, one PRONOTE row: that is `pronote.shared-id`), or with a person who is
    // not current (a contact or a leaver has no PRONOTE row to claim).
    const people = peopleOf(ctx.dataset);
    /** PRONOTE row → the one current person whose link or candidates point at it (null: several). */
    const soleClaimant = new Map<string, Person | null>();
    const claim = (r: SubjectRef, person: Person) => {
      if (r.source === 'pronote') noteSole(soleClaimant, r.id, person);
    };
    m.pronoteOf.forEach((l, key) => {
      const person = people.byRecord.get(key);
      if (!person || !claimsPronoteRow(person)) return;
      claim(l.to, person);
      claim(l.from, person);
      if (l.candidates) for (const c of l.candidates) claim(c, person);
    });
    /** PRONOTE ID → the one ENT account that carries it (null: several). */
    const soleCarrier = new Map<string, string | null>();
    ctx.dataset.entAccounts.forEach((a) => {
      if (a.pronoteId) noteSole(soleCarrier, a.pronoteId, a.login);
    });
    m.assignments.forEach((a) => {
      if (a.currentPronoteId) noteSole(soleCarrier, a.currentPronoteId, a.entLogin);
    });
    const settled = (record: SubjectRef | undefined, rows: readonly string[]): boolean => {
      const person = record && personOf(people, record);
      if (!person) return false;
      if (!claimsPronoteRow(person)) return true;
      const row = person.keys.length > 1 ? surePronoteRow(m, person) : undefined;
      if (row && rows.every((r) => r === row)) return true;
      return rows.length === 1 && soleClaimant.get(rows[0]!) === person;
    };

    m.assignments.forEach((a) => {
      const owner = m.entOwner.get(a.entLogin);
      const ownerOpen = owner?.decision === 'ambiguous';
      const assignmentOpen = a.decision === 'ambiguous' && !a.confirmedByAdmin;
      if (!ownerOpen && !assignmentOpen) return;
      const candidateIds = (a.candidates ?? []).map((c) => c.pronoteId);
      const person = a.person ?? (owner && otherEnd(owner, 'ent'));
      // The ENT already carries one of the candidates, and no other account does: nothing to decide.
      const current = a.currentPronoteId ?? idx.accountByLogin.get(a.entLogin)?.pronoteId;
      const carried = !!current && candidateIds.includes(current) && typeof soleCarrier.get(current) === 'string';
      if (!ownerOpen && (carried || settled(person, candidateIds))) {
        if (person) asked.add(personKey(person));
        return;
      }
      const account: SubjectRef = { source: 'ent', kind: 'account', id: a.entLogin };
      const q: Question = { about: [account], candidates: [], evidence: [] };
      if (ownerOpen) {
        const c = rivals(owner);
        q.candidates.push(...c);
        q.evidence.push(`Compte ENT ${a.entLogin} : à trancher, plusieurs personnes possibles dans SIECLE/STS-web (aucune n'est « sans compte ») :`);
        for (const x of c) q.evidence.push(`Candidat ${candidateFacts(idx, x)}.`);
        if (owner.evidence.length) q.evidence.push(`Indices : ${owner.evidence.join(', ')}.`);
      }
      if (assignmentOpen) {
        if (a.person && !ownerOpen) q.about.push(a.person);
        const cands = a.candidates ?? [];
        q.candidates.push(...cands.map((c): SubjectRef => ({ source: 'pronote', kind: 'row', id: c.pronoteId })));
        q.evidence.push(`Compte ENT ${a.entLogin}${a.person?.label ? ` (${a.person.label})` : ''} : plusieurs fiches PRONOTE possibles.`);
        for (const c of cands) {
          const row = idx.pronoteById.get(c.pronoteId);
          const kids = row?.profile === 'guardian' && row.children.length ? `, enfants ${row.children.map((k) => k.raw).join(', ')}` : '';
          q.evidence.push(`Candidat ${c.pronoteId} : ${c.label}${kids}${c.evidence.length ? ` — ${c.evidence.join(', ')}` : ''}.`);
        }
        if (!cands.length && a.evidence.length) q.evidence.push(`Indices : ${a.evidence.join(', ')}.`);
      }
      for (const r of q.about) asked.add(personKey(r));
      questions.push(q);
    });

    m.links.forEach((l) => {
      if (l.decision !== 'ambiguous' || asked.has(personKey(l.from))) return;
      asked.add(personKey(l.from));
      const c = rivals(l);
      if (c.every((x) => x.source === 'pronote') && settled(l.from, c.map((x) => x.id))) return;
      questions.push({
        about: [l.from],
        candidates: c,
        evidence: [
          `${label(idx, l.from)} : plusieurs correspondances possibles, à trancher :`,
          ...c.map((x) => `Candidat ${candidateFacts(idx, x)}.`),
          ...(l.evidence.length ? [`Indices : ${l.evidence.join(', ')}.`] : []),
        ],
      });
    });

    // Questions that share a candidate are one decision.
    const groups = clusterBy(
      questions,
      (q) => q.candidates.map(personKey),
      () => true,
    );
    const groupOf = new Map<Question, Question[]>();
    for (const g of groups) for (const q of g) groupOf.set(q, g);
    const out: RawFinding[] = [];
    const done = new Set<Question[]>();
    for (const q of questions) {
      const group = groupOf.get(q) ?? [q];
      if (done.has(group)) continue;
      done.add(group);
      const subjects = new Map<string, SubjectRef>();
      for (const q of group) for (const r of [...q.about, ...q.candidates]) if (!subjects.has(personKey(r))) subjects.set(personKey(r), subject(idx, r));
      out.push({ subjects: [...subjects.values()], evidence: group.flatMap((q) => q.evidence) });
    }
    return out;
  },
};
