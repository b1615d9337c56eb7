/**
 * siecle.guardian-duplicate — warning: one guardian under two PERSONNE_IDs (a missing accent on
 * the second child's record, a usage name typed as the family name…). The ENT gets two accounts
 * and, PRONOTE having one ID, gives it to neither (seed 001, « Pas d'identifiant PRONOTE (5/5) »).
 * The blocking PRONOTE consequence is `pronote.shared-id` (error); this rule names the cause.
 *
 * Precision: same given name and a common family name is only a candidate; it takes a shared
 * address, phone, e-mail, child or co-guardian besides (see duplicates.ts).
 */
import type { CheckRule } from './types.js';
import { describeGuardian, guardianLabelWithLevel, guardianRefIn, indexDataset, pupilLabel, type RawFinding } from './common.js';
import { guardianDuplicates, guardianFacts } from './duplicates.js';

export const guardianDuplicate: CheckRule = {
  code: 'siecle.guardian-duplicate',
  title: 'Responsable en double dans SIECLE',
  severity: 'warning',
  description:
    "Le même responsable figure sous deux PERSONNE_ID (accent oublié, espace, nom d'usage saisi comme nom de famille), avec une adresse, un téléphone, un courriel ou des enfants de la même famille en commun. L'ENT crée deux comptes ; PRONOTE, moins sensible à ces différences, n'a qu'un identifiant, et l'ENT ne l'affecte à aucun des deux comptes.",
  fix: [
    "Supprimer le doublon dans SIECLE en début d'année ; en cours d'année, donner aux deux comptes ENT le même identifiant PRONOTE.",
    '1. SIECLE Base élèves : Fiches élèves > Doublons responsables > Chercher ; choisir le responsable dans la liste, cocher « Supprimer » sur la fiche en double et « Remplacer » sur la fiche à garder, puis cliquer sur « Modifier ».',
    '2. À faire de préférence à la rentrée de septembre, avant la distribution des codes ENT aux parents : la suppression recrée le compte télé-services du responsable.',
    "3. En cours d'année, si les comptes ENT ont déjà servi : ne pas fusionner ; copier l'identifiant PRONOTE du responsable et le coller dans les deux comptes (ENT : Annuaire > Rechercher un utilisateur, « Modifier la valeur » sur la ligne de l'établissement). Rapprocher les comptes ENT seulement exceptionnellement et avec grande prudence.",
    '4. Pour éviter les doublons : sur la fiche élève, onglet Responsables, toujours rechercher le responsable (bouton Chercher) avant de choisir « Créer un nouveau responsable ».',
  ].join('\n'),
  run(ctx) {
    const idx = indexDataset(ctx.dataset);
    const out: RawFinding[] = [];
    for (const members of guardianDuplicates(ctx.dataset)) {
      const facts = new Set<string>();
      for (let i = 1; i < members.length; i++) for (const f of guardianFacts(ctx.dataset, members[0]!, members[i]!)) facts.add(f);
      out.push({
        subjects: members.map((g) => guardianRefIn(idx, g)),
        evidence: [
          `${guardianLabelWithLevel(idx, members[0]!)} : ${members.length} fiches responsable (PERSONNE_ID ${members.map((g) => g.personneId).join(', ')}), même prénom, nom identique à un accent, un espace ou un nom d'usage près${facts.size ? ` ; ${[...facts].join(', ')}` : ''}.`,
          ...members.map((g) => {
            const kids = (idx.linksByGuardian.get(g.personneId) ?? [])
              .map((l) => idx.pupilById.get(l.eleveId))
              .filter((p) => p && !p.left)
              .map((p) => pupilLabel(p!));
            return `Fiche ${describeGuardian(g)}${kids.length ? `, responsable de ${[...new Set(kids)].join(', ')}` : ''}.`;
          }),
        ],
      });
    }
    return out;
  },
};
