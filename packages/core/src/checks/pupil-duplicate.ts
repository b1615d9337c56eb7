/**
 * siecle.pupil-duplicate — warning: two SIECLE records (different ELEVE_ID) for one pupil, the
 * hand-created copy of a pupil who should have been imported (seed 003 §2.13). Each record gets
 * its own ENT account. Same name up to accents and spaces is not enough: the birth date must be
 * the same too (twins differ by given name), and neither the sex nor the INE may contradict
 * (see duplicates.ts).
 */
import { frDate } from '../model/dates.js';
import type { CheckRule } from './types.js';
import { describePupil, pupilLabel, pupilRef, type RawFinding } from './common.js';
import { pupilDuplicates } from './duplicates.js';

export const pupilDuplicate: CheckRule = {
  code: 'siecle.pupil-duplicate',
  title: 'Élève en double dans SIECLE',
  severity: 'warning',
  description:
    "Le même élève figure deux fois dans SIECLE sous deux ELEVE_ID (nom ou prénom à un accent ou un espace près, même date de naissance) : l'AAF crée deux comptes ENT et PRONOTE ne sait à quel compte rattacher son identifiant. C'est le plus souvent une fiche créée à la main pour un élève qui aurait dû être importé d'un autre établissement.",
  fix: [
    "Ne garder qu'une fiche dans SIECLE Base élèves.",
    "1. SIECLE Base élèves : Fiches élèves > Recherche et MAJ, chercher l'élève par son nom et comparer les fiches (INE, date de naissance, scolarité de l'an dernier).",
    "2. La bonne fiche est celle importée (Importations > Dossiers depuis autre EPLE, ou dossiers d'affectation) ; faire supprimer l'autre par une demande d'assistance VERDON (depuis Esterel ou ARENA) si vous ne pouvez pas le faire vous-même.",
    "3. À l'avenir, ne jamais créer à la main la fiche d'un élève venant d'un établissement public ou privé sous contrat de l'académie : Fiches élèves > Recherche et MAJ d'abord, puis Importations > Dossiers depuis autre EPLE.",
    "4. Après l'alimentation suivante (48 à 72 h), vérifier dans l'ENT qu'il ne reste qu'un compte et qu'il porte l'identifiant PRONOTE.",
  ].join('\n'),
  run(ctx) {
    const out: RawFinding[] = [];
    for (const members of pupilDuplicates(ctx.dataset)) {
      const ines = new Set(members.map((p) => p.ine).filter(Boolean));
      const noIne = members.filter((p) => !p.ine);
      out.push({
        subjects: members.map(pupilRef),
        evidence: [
          `${pupilLabel(members[0]!)}, né(e) le ${frDate(members[0]!.birthDate)} : ${members.length} fiches SIECLE (ELEVE_ID ${members.map((p) => p.eleveId).join(', ')}), même nom et prénom à un accent ou un espace près, même date de naissance.`,
          ...members.map(
            (p) =>
              `Fiche ${describePupil(p)}${p.entryDate ? `, entrée le ${frDate(p.entryDate)}` : ''}${p.inactive ? ', division Inactifs' : ''}.`,
          ),
          noIne.length
            ? `Sans INE : ELEVE_ID ${noIne.map((p) => p.eleveId).join(', ')}, fiche sans doute créée à la main.`
            : ines.size === 1
              ? 'Même INE sur les fiches.'
              : '',
        ].filter(Boolean),
      });
    }
    return out;
  },
};
