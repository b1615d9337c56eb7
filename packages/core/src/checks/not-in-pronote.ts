/**
 * pronote.not-in-pronote — error: the ENT account of a current pupil, guardian or teacher has no
 * PRONOTE row, so « vous ne disposez pas d'identifiant PRONOTE » when they open PRONOTE from the
 * ENT (seed 001, « Pas d'identifiant PRONOTE »). Usually the person arrived after the last
 * SIECLE → EDT → PRONOTE transfer. Checked per profile only when the PRONOTE list holds that
 * profile; staff other than teachers are skipped (PRONOTE gives them no usable ID).
 */
import { frDate } from '../model/dates.js';
import type { PronoteProfile } from '../model/types.js';
import type { SubjectRef } from '../match/types.js';
import type { CheckRule } from './types.js';
import {
  EXPORT_PRONOTE_IDS_PARTIAL,
  PASTE_PRONOTE_ID,
  accountRef,
  indexDataset,
  isCurrentPerson,
  isTeacher,
  ownerLink,
  personKey,
  personRef,
  type DatasetIndex,
  type RawFinding,
} from './common.js';

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

/** The PRONOTE profile a SIECLE/STS person should have, or undefined when PRONOTE gives none. */
function pronoteProfileOf(idx: DatasetIndex, person: SubjectRef): PronoteProfile | undefined {
  if (person.kind === 'pupil') return 'pupil';
  if (person.kind === 'guardian') return 'guardian';
  if (person.kind === 'staff') {
    const s = idx.staffById.get(person.id);
    return s && isTeacher(s) ? 'teacher' : undefined;
  }
  return undefined;
}

export const notInPronote: CheckRule = {
  code: 'pronote.not-in-pronote',
  title: "Absent de PRONOTE : pas d'identifiant PRONOTE",
  severity: 'error',
  description:
    "Une personne présente a un compte ENT mais aucune fiche dans la liste PRONOTE : elle n'a pas d'identifiant PRONOTE et ne peut pas ouvrir PRONOTE depuis l'ENT. C'est presque toujours une arrivée postérieure au dernier transfert SIECLE → EDT → PRONOTE (ou, pour un responsable, un accès à l'Espace Parents non autorisé).",
  fix: FIX_PUPIL,
  run(ctx) {
    const ds = ctx.dataset;
    const idx = indexDataset(ds);
    if (!idx.has.pronote) return [];
    const pronoteDate = ds.exportDates['pronote-ids'];
    const byLogin = new Map(ctx.match.assignments.map((a) => [a.entLogin, a] as const));
    const out: RawFinding[] = [];
    for (const a of ds.entAccounts) {
      const owner = ownerLink(ctx.match, a.login);
      if (!owner || owner.link.decision === 'ambiguous' || !isCurrentPerson(idx, owner.person)) continue;
      const profile = pronoteProfileOf(idx, owner.person);
      if (!profile || !idx.has.pronoteProfiles.has(profile)) continue;
      if (ctx.match.pronoteOf.has(personKey(owner.person))) continue;
      if (byLogin.get(a.login)?.pronoteId) continue;
      if (a.pronoteId && idx.pronoteById.has(a.pronoteId)) continue;
      const person = personRef(idx, owner.person) ?? owner.person;
      const entry = owner.person.kind === 'pupil' ? idx.pupilById.get(owner.person.id)?.entryDate : undefined;
      const evidence = [`${person.label ?? person.id} (compte ENT ${a.login}) : aucune fiche dans la liste PRONOTE.`];
      if (entry && pronoteDate && entry > pronoteDate.slice(0, 10))
        evidence.push(`Arrivée le ${frDate(entry)}, après l'export PRONOTE du ${frDate(pronoteDate)} : à faire passer de SIECLE à EDT puis à PRONOTE.`);
      if (a.pronoteId) evidence.push(`L'ENT porte l'identifiant ${a.pronoteId}, inconnu de la liste PRONOTE.`);
      out.push({
        subjects: [accountRef(a), person],
        evidence,
        ...(profile === 'teacher' ? { fix: FIX_TEACHER } : {}),
      });
    }
    return out;
  },
};
