/**
 * siecle.pupil-incomplete — error: a record « À compléter » does not go up to the AAF, so the
 * pupil never reaches the ENT properly (seed 003 §2.5, « fiches bloquantes »).
 */
import type { CheckRule } from './types.js';
import { describePupil, indexDataset, pupilRef, type RawFinding } from './common.js';

export const pupilIncomplete: CheckRule = {
  code: 'siecle.pupil-incomplete',
  title: 'Fiche élève bloquante dans SIECLE',
  severity: 'error',
  description:
    "Un élève présent dont la fiche SIECLE est incomplète (sans MEF, sans division, né en France sans commune de naissance, sans date de naissance ou sans responsable légal) reste « À compléter » : elle ne remonte pas vers l'AAF et l'élève n'arrive pas correctement dans l'ENT ni dans EDT/PRONOTE.",
  fix: [
    "Compléter la fiche dans SIECLE Base élèves ; elle remonte alors vers l'AAF la nuit suivante.",
    "1. SIECLE Base élèves : Tableau de bord > « Fiches bloquantes » (ou Fiches élèves > Recherche et MAJ, État « À compléter », Chercher), puis « Compléter » sur la ligne de l'élève.",
    "2. Renseigner ce qui manque : MEF et division (affectation de l'élève dans sa MEF/division), date de naissance, commune de naissance (obligatoire quand le pays de naissance est la France), responsable légal (onglet Responsables : rechercher d'abord s'il existe déjà dans la base pour ne pas créer de doublon).",
    "3. Si l'élève vient d'un établissement de l'académie, ne pas créer sa fiche à la main : Importations > Dossiers depuis autre EPLE.",
    "4. Le compte ENT arrive 48 à 72 h après ; ensuite exporter de SIECLE vers EDT (Exportations > En XML) pour créer l'élève dans EDT et PRONOTE.",
  ].join('\n'),
  run(ctx) {
    const idx = indexDataset(ctx.dataset);
    const out: RawFinding[] = [];
    idx.currentPupils.forEach((p) => {
      const missing: string[] = [];
      if (!p.mef?.trim()) missing.push('pas de MEF (CODE_MEF vide)');
      if (!p.division?.trim()) missing.push('pas de division (aucune classe, TYPE_STRUCTURE D)');
      if (!p.birthDate) missing.push('pas de date de naissance (DATE_NAISS)');
      if (p.birthCountryCode?.trim() === '100' && !p.birthInseeCode?.trim())
        missing.push('né(e) en France (CODE_PAYS 100) sans commune de naissance (CODE_COMMUNE_INSEE_NAISS)');
      if (idx.has.guardians && !(idx.linksByPupil.get(p.eleveId) ?? []).some((l) => l.legal))
        missing.push('aucun responsable légal (ni RESP_LEGAL 1/2 ni NIVEAU_RESPONSABILITE 1)');
      if (!missing.length) return;
      out.push({
        subjects: [pupilRef(p)],
        evidence: [`Élève ${describePupil(p)} : fiche « À compléter » dans SIECLE.`, ...missing.map((m) => `Manque : ${m}.`)],
      });
    });
    return out;
  },
};
