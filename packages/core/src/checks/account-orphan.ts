/**
 * ent.account-orphan — warning: an ENT account (pupil, guardian or teacher) that matches nobody
 * present: a pupil who left (DATE_SORTIE) or sits in `Inactifs`, a guardian whose children all
 * left, or nobody at all in SIECLE/STS-web. A guardian linked to a present pupil at any level (a
 * « personne en charge », even a contact) is present: the ENT made the account from that link. Nobody is locked out, but credentials or a PRONOTE
 * ID must not be handed to it, and an unknown account is often a spelling duplicate.
 *
 * Staff and « other » accounts are not judged: many ENT staff (agents, local accounts) are in
 * neither SIECLE nor STS-web. An account the matcher could not decide is `match.ambiguous`.
 */
import { frDate } from '../model/dates.js';
import type { EntProfile } from '../model/types.js';
import type { SubjectRef } from '../match/types.js';
import type { CheckRule } from './types.js';
import { accountRef, guardianLevel, indexDataset, isCurrentPerson, ownerLink, personRef, type DatasetIndex, type RawFinding } from './common.js';
import { isPresent, peopleOf, personOf } from './people.js';
import { GUARDIAN_LEVEL_FR } from '../model/guardians.js';

const SOURCE_OF: Partial<Record<EntProfile, string>> = {
  pupil: 'parmi les élèves de SIECLE',
  guardian: 'parmi les responsables de SIECLE',
  teacher: "parmi les personnels de l'export STS-web",
};

/** Why a linked person is not current, in French. */
function whyNotCurrent(idx: DatasetIndex, person: SubjectRef): string {
  if (person.kind === 'pupil') {
    const p = idx.pupilById.get(person.id);
    if (p?.left) return `élève sorti(e)${p.leaveDate ? ` le ${frDate(p.leaveDate)}` : ''} (DATE_SORTIE dans SIECLE)`;
    if (p?.inactive) return 'élève en division « Inactifs » dans SIECLE';
    return "élève absent de l'export SIECLE";
  }
  if (person.kind === 'guardian') {
    if (!idx.guardianById.has(person.id)) return "responsable absent de l'export SIECLE";
    const level = guardianLevel(idx, person.id);
    return level
      ? `${GUARDIAN_LEVEL_FR[level]} d'élèves qui ne sont plus présents (sortis ou « Inactifs »), d'aucun élève présent`
      : "responsable lié(e) à aucun élève de l'export SIECLE";
  }
  return "personne absente de l'export STS-web";
}

export const accountOrphan: CheckRule = {
  code: 'ent.account-orphan',
  title: 'Compte ENT sans personne présente',
  severity: 'warning',
  description:
    "Un compte ENT d'élève, de responsable ou d'enseignant ne correspond à aucune personne présente : élève sorti (DATE_SORTIE), responsable dont les enfants sont partis, ou personne introuvable dans SIECLE et STS-web (souvent une autre orthographe du nom). Il ne faut pas lui distribuer de codes ni d'identifiant PRONOTE.",
  fix: [
    "Les comptes ENT sont créés et fermés par l'alimentation AAF : corriger la source, pas l'ENT.",
    "1. Élève parti : vérifier que la date de sortie est saisie dans SIECLE Base élèves (Fiches élèves > Recherche et MAJ) ; le compte est désactivé par les alimentations suivantes.",
    "2. Personne introuvable : chercher dans SIECLE (Fiches élèves > Recherche et MAJ, recherche par nom ou par responsable) ou dans STS-web (Ressources) une orthographe voisine ; c'est peut-être un doublon à signaler.",
    "3. Dans l'ENT : Annuaire > Rechercher un utilisateur pour voir l'état du compte, et Annuaire > Administration > Rapports de cohérence.",
    '4. Ne pas lui communiquer de codes (publipostage) ni lui coller un identifiant PRONOTE.',
  ].join('\n'),
  run(ctx) {
    const ds = ctx.dataset;
    const idx = indexDataset(ds);
    const sourceLoaded: Partial<Record<EntProfile, boolean>> = {
      pupil: idx.has.pupils,
      guardian: idx.has.guardians && ds.guardians.length > 0,
      teacher: idx.has.sts,
    };
    const people = peopleOf(ds);
    const out: RawFinding[] = [];
    ds.entAccounts.forEach((a) => {
      if (!SOURCE_OF[a.profile] || !sourceLoaded[a.profile]) return;
      const owner = ownerLink(ctx.match, a.login);
      if (owner?.link.decision === 'ambiguous') return;
      const who = owner && personOf(people, owner.person);
      // Present at any level: the ENT made this account from a guardian still linked to a present
      // pupil (a « personne en charge » included), so it is nobody's orphan.
      if (owner && (who ? isPresent(who) : isCurrentPerson(idx, owner.person))) return;
      const person = owner && (personRef(idx, owner.person) ?? owner.person);
      out.push({
        subjects: person ? [accountRef(a), person] : [accountRef(a)],
        evidence: [
          person
            ? `Compte ENT ${a.login} (${a.rawProfile ?? a.profile}) : rattaché à ${person.label ?? person.id}, ${whyNotCurrent(idx, owner.person)}.`
            : `Compte ENT ${a.login} (${a.rawProfile ?? a.profile}) : ${a.name.family.toUpperCase()} ${a.name.given}${a.division ? `, ${a.division}` : ''}, introuvable ${SOURCE_OF[a.profile]}.`,
        ],
      });
    });
    return out;
  },
};
