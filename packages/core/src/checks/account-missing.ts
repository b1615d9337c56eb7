/**
 * ent.account-missing — error, or info for a recent arrival: a current pupil, a guardian of one
 * whose level the ENT makes accounts for (legal guardians; « personnes en charge » only where the
 * ENT creates them: the admin's setting, or seen in the ENT export; contacts never), or a member of
 * staff listed by STS-web (teacher or not: the AAF feeds them all) has no ENT account in the ENT
 * export. A person an ambiguous account may belong to is not missing: that is `match.ambiguous`. A person with two SIECLE records (duplicate) counts once. The AAF creates accounts overnight from
 * SIECLE and STS-web and the ENT shows them 48 to 72 h later (seed 003 annexes; seed 002: look
 * again a week after the arrival), so a person who arrived less than 3 days before the ENT export
 * (or after it) is expected, not missing.
 *
 * A profile is only checked when the ENT export holds at least one account of that profile (an
 * export of pupils alone says nothing about parents; staff other than teachers need « personnel »
 * accounts in the export).
 */
import { frDate } from '../model/dates.js';
import type { SubjectRef } from '../match/types.js';
import type { CheckRule } from './types.js';
import type { SieclePupil } from '../model/types.js';
import {
  daysBetween,
  describeGuardian,
  describePupil,
  describeStaff,
  indexDataset,
  isCurrentPupil,
  isTeacher,
  pupilLabel,
  type RawFinding,
} from './common.js';
import { accountPolicy, hasAccount, hasAmbiguousAccount, peopleOf } from './people.js';
import { entCreatesAccount, levelLabel, linkLevel, policyNote } from '../model/guardians.js';

/** Days after the arrival during which a missing account is the AAF delay, not a fault. */
export const AAF_DELAY_DAYS = 3;

const FIX_WAIT =
  "Probablement le délai de l'AAF (48 à 72 h) : attendre, puis régénérer le fichier des identifiants.\n1. Dans l'ENT : Annuaire > Administration > Fichiers des identifiants ; rechercher la personne par nom et prénom (une semaine après son arrivée), ou cliquer sur Valider sans date pour régénérer un fichier complet, puis télécharger le CSV.\n2. Si le compte n'apparaît toujours pas après 72 h, suivre la procédure d'un compte manquant (fiche SIECLE ou services STS-web).";

const FIX_PUPIL =
  "Trouver ce qui empêche l'élève de sortir dans l'AAF.\n1. SIECLE Base élèves : Tableau de bord > « Fiches bloquantes » : une fiche « À compléter » ne remonte pas ; la compléter.\n2. SIECLE Base élèves : Tableau de bord > Signalements académiques > « Multi-inscription » : un élève inscrit dans deux établissements ne sort plus dans l'AAF ; l'établissement où il n'est plus présent doit le déscolariser.\n3. Dans l'ENT : Annuaire > Rechercher un utilisateur, chercher l'élève sous une autre orthographe (le compte existe peut-être déjà), et consulter Annuaire > Administration > Rapports d'alimentation (rejets).\n4. Après correction, le compte arrive 48 à 72 h plus tard : Annuaire > Administration > Fichiers des identifiants pour lui communiquer ses codes.";

const FIX_GUARDIAN =
  "Vérifier que le responsable figure sur la fiche SIECLE de l'élève.\n1. SIECLE Base élèves : Fiches élèves > Recherche et MAJ, ouvrir la fiche de l'élève, onglet Responsables : le responsable doit y être représentant légal. Sinon, après vérification, l'ajouter (rechercher d'abord s'il existe déjà dans la base pour ne pas créer de doublon).\n2. Attendre l'actualisation de l'AAF puis de l'ENT (un courriel dans la messagerie ENT de l'administrateur annonce les nouveaux comptes), puis Annuaire > Administration > Fichiers des identifiants pour lui communiquer son identifiant et son mot de passe.\n3. Ensuite, exporter de SIECLE vers EDT/PRONOTE pour que PRONOTE lui crée un identifiant.";

const FIX_IN_CHARGE =
  "Vérifier que la personne en charge figure sur la fiche SIECLE de l'élève, et que l'ENT crée bien les comptes des personnes en charge.\n1. SIECLE Base élèves : Fiches élèves > Recherche et MAJ, ouvrir la fiche de l'élève, onglet Responsables : la personne doit y être « personne en charge » (niveau de responsabilité 2).\n2. Les comptes des personnes en charge ne sont créés que si l'académie ou la région a activé l'import des personnes en charge dans l'alimentation de l'ENT (Open ENT NG : option import-person-in-charge) ; sinon, ce constat n'a pas lieu d'être : indiquer dans Raccord que l'ENT ne crée pas ces comptes (raccord check --comptes-en-charge non).\n3. Une fois le compte créé : Annuaire > Administration > Fichiers des identifiants pour lui communiquer ses codes.";

const FIX_STAFF =
  "Vérifier la fiche du personnel dans STS-web, qui alimente l'AAF.\n1. STS-web : Ressources, vérifier que la personne figure avec sa fonction et son affectation dans l'établissement.\n2. Dans l'ENT, consulter Annuaire > Administration > Rapports d'alimentation et la messagerie de l'administrateur (« alimentation Annuaire ENT rejets »).\n3. Une fois le compte créé : Annuaire > Administration > Fichiers des identifiants pour lui communiquer ses codes.";

const FIX_TEACHER =
  "Vérifier que l'enseignant a des services dans STS-web, qui alimente l'AAF.\n1. STS-web : Services et ARE > Changement support (remplaçant REP) ou Services suppléments > Saisie rapide (suppléant SUP), puis Exports > Structure et Exports > Services.\n2. Attendre que l'enseignant figure dans l'annuaire de l'ENT ; consulter la messagerie ENT de l'administrateur (« alimentation Annuaire ENT rejets ») en cas de blocage.\n3. Puis ENT : Annuaire > Administration > Fichiers des identifiants pour lui communiquer ses codes.";

export const accountMissing: CheckRule = {
  code: 'ent.account-missing',
  title: 'Compte ENT manquant',
  severity: 'error',
  description:
    "Un élève présent, un responsable légal d'un élève présent (ou une personne en charge, si l'ENT crée leurs comptes) ou un personnel de STS-web (enseignant ou non) n'a pas de compte dans l'export de l'ENT : il ne peut pas se connecter. Un contact n'a jamais de compte ; une personne qu'un compte ambigu peut désigner est « à trancher », pas « sans compte ». Pour une arrivée de moins de 3 jours, c'est le délai normal de l'AAF (48 à 72 h) : le constat est alors une simple information.",
  fix: `Créer les conditions pour que l'AAF crée le compte (fiche SIECLE complète, services STS-web), puis communiquer les codes.\n${FIX_PUPIL.split('\n').slice(1).join('\n')}`,
  run(ctx) {
    const ds = ctx.dataset;
    const idx = indexDataset(ds);
    if (!idx.has.ent) return [];
    const entDate = ds.exportDates['ent-accounts'];
    const reference = entDate ?? ctx.today;
    const refText = entDate ? `l'export ENT du ${frDate(entDate)}` : `aujourd'hui (${frDate(ctx.today)})`;
    const out: RawFinding[] = [];

    /** The finding, downgraded to info when the arrival is recent. */
    const finding = (subjects: SubjectRef[], lines: string[], arrived: string | undefined, fix: string): RawFinding => {
      if (arrived) {
        const days = daysBetween(arrived, reference);
        if (days < 0)
          return {
            subjects,
            severity: 'info',
            fix: FIX_WAIT,
            evidence: [...lines, `Arrivée le ${frDate(arrived)}, après ${refText} : le compte ne pouvait pas encore y figurer.`],
          };
        if (days <= AAF_DELAY_DAYS)
          return {
            subjects,
            severity: 'info',
            fix: FIX_WAIT,
            evidence: [...lines, `Arrivée le ${frDate(arrived)}, ${days} jour(s) avant ${refText} : l'AAF met 48 à 72 h à créer le compte.`],
          };
        lines = [...lines, `Arrivée le ${frDate(arrived)}, ${days} jours avant ${refText} : le délai de l'AAF est dépassé.`];
      }
      return { subjects, fix, evidence: lines };
    };

    const policy = accountPolicy(ds, ctx.match);
    peopleOf(ds).list.forEach((person) => {
      const expected = person.kind === 'guardian' ? entCreatesAccount(person.level, policy) : person.current;
      if (!expected || hasAccount(ctx.match, person)) return;
      // An account that may be this person's, or a namesake's, is « à trancher » (match.ambiguous).
      if (hasAmbiguousAccount(ctx.match, person)) return;
      const first = person.records[0]!;
      if (person.kind === 'pupil') {
        if (!idx.has.entProfiles.has('pupil')) return;
        const p = idx.pupilById.get(first.id)!;
        const blocked = p.mef && p.division && p.birthDate ? '' : ' Sa fiche SIECLE est incomplète (voir « Fiche élève bloquante »).';
        out.push(finding(person.records, [`Élève ${describePupil(p)} : aucun compte ENT.${blocked}`], p.entryDate, FIX_PUPIL));
      } else if (person.kind === 'guardian') {
        if (!idx.has.entProfiles.has('guardian')) return;
        const g = idx.guardianById.get(first.id)!;
        const level = person.level!;
        // The children through which the ENT makes the account: links of an account-making level.
        const children = person.records
          .flatMap((r) => idx.linksByGuardian.get(r.id) ?? [])
          .filter((l) => entCreatesAccount(linkLevel(l), policy))
          .map((l) => idx.pupilById.get(l.eleveId))
          .filter((p): p is SieclePupil => !!p && isCurrentPupil(p));
        const arrivals = children.map((p) => p.entryDate).filter((d): d is string => !!d);
        // The guardian became current with the first child's arrival.
        const arrived = arrivals.length === children.length && arrivals.length ? arrivals.sort()[0] : undefined;
        const lines = [`${levelLabel(level, true)} ${describeGuardian(g)} (de ${[...new Set(children.map(pupilLabel))].join(', ')}) : aucun compte ENT.`];
        if (level === 'in-charge') lines.push(`Personne en charge (NIVEAU_RESPONSABILITE 2) : ${policyNote(policy)}.`);
        out.push(finding(person.records, lines, arrived, level === 'legal' ? FIX_GUARDIAN : FIX_IN_CHARGE));
      } else {
        const s = idx.staffById.get(first.id)!;
        const teacher = isTeacher(idx, s);
        if (!idx.has.entProfiles.has(teacher ? 'teacher' : 'staff')) return;
        out.push(finding(person.records, [`${teacher ? 'Enseignant' : 'Personnel'} ${describeStaff(s)} : aucun compte ENT.`], undefined, teacher ? FIX_TEACHER : FIX_STAFF));
      }
    });
    return out;
  },
};
