/**
 * pronote.not-in-pronote — error: a current pupil, legal guardian or teacher has no PRONOTE row,
 * so « vous ne disposez pas d'identifiant PRONOTE » when they open PRONOTE from the ENT (seed 001,
 * « Pas d'identifiant PRONOTE »). Usually the person arrived after the last SIECLE → EDT →
 * PRONOTE transfer. Reported with their ENT accounts when they have some, and before their ENT
 * account exists too (it will need the ID). A person with two SIECLE records counts once; a person
 * the matcher links to PRONOTE even unsurely is not reported (that is `match.ambiguous`).
 * Checked per profile only when the PRONOTE list holds that profile; staff other than teachers
 * are skipped (PRONOTE gives them no usable ID).
 */
import { frDate } from '../model/dates.js';
import type { PronoteProfile } from '../model/types.js';
import type { Assignment } from '../match/types.js';
import type { CheckRule } from './types.js';
import {
  EXPORT_PRONOTE_IDS_PARTIAL,
  PASTE_PRONOTE_ID,
  PRONOTE_PROFILE_FR,
  accountRef,
  indexDataset,
  isTeacher,
  type DatasetIndex,
  type RawFinding,
} from './common.js';
import { accountsOf, hasPronoteLink, peopleOf, type Person } from './people.js';

const FIX_PUPIL = [
  "Faire passer la personne de SIECLE à EDT puis à PRONOTE, puis donner son identifiant PRONOTE à l'ENT.",
  '1. SIECLE Base élèves : Exportations > En XML (exporter les fichiers élèves et responsables).',
  "2. EDT : récupérer les données de SIECLE (Imports/Exports > SIECLE > Récupérer les données des élèves, ou NetSynchro), sélectionner les fichiers, cocher les données, Importer : la fiche est créée dans EDT puis dans PRONOTE, qui lui affecte un identifiant.",
  "3. Pour un responsable : dans PRONOTE, Ressources > Élèves > Dossier des élèves, sous-onglet Responsables, cocher « Est autorisé à accéder à l'Espace Parents ». Un second responsable absent de la fiche SIECLE doit d'abord y être ajouté.",
  `4. ${PASTE_PRONOTE_ID}`,
  `5. ${EXPORT_PRONOTE_IDS_PARTIAL}`,
].join('\n');

const FIX_TEACHER = [
  "Déclarer l'enseignant dans EDT et PRONOTE, puis donner son identifiant PRONOTE à l'ENT.",
  "1. Attendre que l'enseignant figure dans l'annuaire de l'ENT (actualisation de STS-web).",
  "2. Déclarer son service dans EDT (import depuis STS-web) et basculer dans PRONOTE, qui crée automatiquement son identifiant. Pour un remplacement ponctuel par un enseignant extérieur, l'identifiant PRONOTE du collègue remplacé peut servir.",
  `3. ${PASTE_PRONOTE_ID}`,
  `4. ${EXPORT_PRONOTE_IDS_PARTIAL}`,
].join('\n');

/** The PRONOTE profile a person should have, or undefined when PRONOTE gives none (non-teaching staff). */
function pronoteProfileOf(idx: DatasetIndex, person: Person): PronoteProfile | undefined {
  if (person.kind !== 'staff') return person.kind;
  const s = idx.staffById.get(person.records[0]!.id);
  return s && isTeacher(idx, s) ? 'teacher' : undefined;
}

export const notInPronote: CheckRule = {
  code: 'pronote.not-in-pronote',
  title: "Absent de PRONOTE : pas d'identifiant PRONOTE",
  severity: 'error',
  description:
    "Une personne présente (élève, responsable légal, enseignant) n'a aucune fiche dans la liste PRONOTE : elle n'a pas d'identifiant PRONOTE et ne peut pas ouvrir PRONOTE depuis l'ENT. C'est presque toujours une arrivée postérieure au dernier transfert SIECLE → EDT → PRONOTE (ou, pour un responsable, un accès à l'Espace Parents non autorisé).",
  fix: FIX_PUPIL,
  run(ctx) {
    const ds = ctx.dataset;
    const idx = indexDataset(ds);
    if (!idx.has.pronote) return [];
    const pronoteDate = ds.exportDates['pronote-ids'];
    const byLogin = new Map<string, Assignment>();
    ctx.match.assignments.forEach((a) => byLogin.set(a.entLogin, a));
    const out: RawFinding[] = [];
    peopleOf(ds).list.forEach((person) => {
      if (!person.current) return;
      const profile = pronoteProfileOf(idx, person);
      if (!profile || !idx.has.pronoteProfiles.has(profile)) return;
      if (hasPronoteLink(ctx.match, person)) return;
      const logins = accountsOf(ctx.match, person);
      if (logins.some((l) => byLogin.get(l)?.pronoteId)) return;
      const carried = logins.map((l) => idx.accountByLogin.get(l)?.pronoteId).filter((id): id is string => !!id);
      if (carried.some((id) => idx.pronoteById.has(id))) return;
      const first = person.records[0]!;
      const entry = person.kind === 'pupil' ? idx.pupilById.get(first.id)?.entryDate : undefined;
      const evidence = [
        `${PRONOTE_PROFILE_FR[profile][0]!.toUpperCase()}${PRONOTE_PROFILE_FR[profile].slice(1)} ${first.label ?? first.id} : aucune fiche dans la liste PRONOTE${logins.length ? ` (compte ENT ${logins.join(', ')})` : ", et pas encore de compte ENT"}.`,
      ];
      if (entry && pronoteDate && entry > pronoteDate.slice(0, 10))
        evidence.push(`Arrivée le ${frDate(entry)}, après l'export PRONOTE du ${frDate(pronoteDate)} : à faire passer de SIECLE à EDT puis à PRONOTE.`);
      for (const id of carried) evidence.push(`L'ENT porte l'identifiant ${id}, inconnu de la liste PRONOTE.`);
      out.push({
        subjects: [
          ...person.records,
          ...logins.map((l) => {
            const a = idx.accountByLogin.get(l);
            return a ? accountRef(a) : { source: 'ent' as const, kind: 'account' as const, id: l };
          }),
        ],
        evidence,
        ...(profile === 'teacher' ? { fix: FIX_TEACHER } : {}),
      });
    });
    return out;
  },
};
