/**
 * siecle.guardian-duplicate — warning: one guardian under two PERSONNE_IDs (a missing accent on
 * the second child's record, a usage name typed as the family name…). The ENT gets two accounts
 * and, PRONOTE having one ID, gives it to neither (seed 001, « Pas d'identifiant PRONOTE (5/5) »).
 * The blocking PRONOTE consequence is `pronote.shared-id` (error); this rule names the cause.
 *
 * Precision: same given name and a common family name (family or usage, accents and spaces
 * forgiven) is only a candidate; it takes a shared fact besides — address, phone, e-mail, or
 * children of the same family (same child, same family name, or a co-guardian in common) — and
 * no contradicting civility.
 */
import { normalizeName } from '../model/names.js';
import type { SiecleGuardian } from '../model/types.js';
import type { CheckRule } from './types.js';
import { describeGuardian, guardianRef, indexDataset, pupilLabel, type DatasetIndex, type RawFinding } from './common.js';
import { clusterBy, familyKeys, nameKey } from './duplicates.js';

function phones(g: SiecleGuardian): string[] {
  return [g.phoneHome, g.phoneMobile, g.phoneWork]
    .map((p) => (p ?? '').replace(/\D/g, '').replace(/^(00)?33(?=\d{9}$)/, '0'))
    .filter((p) => p.length >= 9);
}

function addressKey(g: SiecleGuardian): string {
  const a = g.address;
  if (!a) return '';
  const lines = normalizeName(a.lines.join(' '));
  return lines ? `${lines}|${(a.postcode ?? '').trim()}|${normalizeName(a.city)}` : '';
}

/** Family-name keys, plus each word of a compound family name (« DUPONT MARTIN » → DUPONT, MARTIN). */
function blockingFamilies(g: SiecleGuardian): string[] {
  const words = [g.name.family, g.name.usage].flatMap((n) => normalizeName(n).split(' ')).filter((w) => w.length >= 3);
  return [...new Set([...familyKeys(g.name), ...words])];
}

interface Family {
  children: Set<string>;
  childFamilies: Set<string>;
  coGuardians: Set<string>;
}

function familyOf(idx: DatasetIndex, g: SiecleGuardian): Family {
  const children = new Set<string>();
  const childFamilies = new Set<string>();
  const coGuardians = new Set<string>();
  for (const l of idx.linksByGuardian.get(g.personneId) ?? []) {
    const p = idx.pupilById.get(l.eleveId);
    if (!p || p.left) continue;
    children.add(p.eleveId);
    childFamilies.add(nameKey(p.name.family));
    for (const other of idx.linksByPupil.get(p.eleveId) ?? []) if (other.personneId !== g.personneId) coGuardians.add(other.personneId);
  }
  return { children, childFamilies, coGuardians };
}

const intersects = <T>(a: Iterable<T>, b: Set<T>) => [...a].some((x) => b.has(x));

/** The facts two guardian records share, in French; empty when nothing beyond the name. */
function sharedFacts(idx: DatasetIndex, fam: Map<string, Family>, a: SiecleGuardian, b: SiecleGuardian): string[] {
  const facts: string[] = [];
  const ak = addressKey(a);
  if (ak && ak === addressKey(b)) facts.push('même adresse');
  const bp = new Set(phones(b));
  if (phones(a).some((p) => bp.has(p))) facts.push('même téléphone');
  if (a.email && b.email && a.email.trim().toLowerCase() === b.email.trim().toLowerCase()) facts.push('même courriel');
  const fa = fam.get(a.personneId)!;
  const fb = fam.get(b.personneId)!;
  if (intersects(fa.children, fb.children)) facts.push('rattachés au même élève');
  else if (intersects(fa.childFamilies, fb.childFamilies)) facts.push('enfants portant le même nom de famille');
  else if (intersects(fa.coGuardians, fb.coGuardians)) facts.push('enfants ayant un autre responsable en commun');
  return facts;
}

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
    const pool = ctx.dataset.guardians.filter((g) => idx.currentGuardianIds.has(g.personneId) && nameKey(g.name.given));
    const fam = new Map(pool.map((g) => [g.personneId, familyOf(idx, g)] as const));
    const clusters = clusterBy(
      pool,
      (g) => blockingFamilies(g).map((f) => `${f}|${nameKey(g.name.given)}`),
      (a, b) =>
        a.personneId !== b.personneId &&
        (!a.civility || !b.civility || a.civility === b.civility) &&
        (!a.sex || !b.sex || a.sex === b.sex) &&
        sharedFacts(idx, fam, a, b).length > 0,
    );
    const out: RawFinding[] = [];
    for (const c of clusters) {
      const members = c.map((i) => pool[i]!);
      const facts = new Set<string>();
      for (let i = 1; i < members.length; i++) for (const f of sharedFacts(idx, fam, members[0]!, members[i]!)) facts.add(f);
      out.push({
        subjects: members.map(guardianRef),
        evidence: [
          `${members.length} fiches responsable pour la même personne : même prénom, nom identique à un accent, un espace ou un nom d'usage près${facts.size ? ` ; ${[...facts].join(', ')}` : ''}.`,
          ...members.map((g) => {
            const kids = [...fam.get(g.personneId)!.children].map((id) => pupilLabel(idx.pupilById.get(id)!));
            return `Fiche ${describeGuardian(g)}${kids.length ? `, responsable de ${kids.join(', ')}` : ''}.`;
          }),
        ],
      });
    }
    return out;
  },
};
