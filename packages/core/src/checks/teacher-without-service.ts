/**
 * sts.teacher-without-service — warning: a teacher with no service in STS-web finds no class and
 * no subject in the ENT (seed 003 §3.1: the REP newcomer's services must be moved by
 * « Changement support », the SUP's attached in « Services suppléments »). A warning, not an
 * error: the teacher can log in, and some teachers legitimately have no service (full release,
 * a TZR not yet assigned). Runs only when the STS-web export has services at all (before the
 * first remontée of the year, nobody has any).
 */
import type { CheckRule } from './types.js';
import { describeStaff, staffRef, type RawFinding } from './common.js';

export const teacherWithoutService: CheckRule = {
  code: 'sts.teacher-without-service',
  title: 'Enseignant sans service dans STS-web',
  severity: 'warning',
  description:
    "Un enseignant (FONCTION ENS) n'a aucun service dans STS-web : il ne trouve ni ses classes ni sa discipline dans l'ENT, et EDT/PRONOTE ne lui créent pas de service. C'est le cas typique d'un remplaçant (REP) ou d'un suppléant (SUP) arrivé en cours d'année.",
  fix: [
    'Rattacher ses services dans STS-web, puis exporter la structure et les services.',
    "1. Remplaçant (REP), présent dans Ressources : STS-web, menu Services et ARE > Changement support ; choisir l'enseignant remplacé, sélectionner tout ou partie de ses services, choisir l'enseignant remplaçant et cliquer sur « Rattacher ».",
    "2. Suppléant (SUP), absent de Ressources mais visible dans Services suppléments : STS-web, Services suppléments > Saisie rapide, cocher l'enseignant et cliquer sur « Valider ».",
    "3. Dans les deux cas : STS-web, Exports > Structure, puis Exports > Services. L'enseignant arrive dans l'AAF puis dans l'ENT avec ses classes.",
    "4. Si ses cours sont dans EDT, déclarer son service dans EDT (import depuis STS-web) et basculer dans PRONOTE, qui lui crée un identifiant PRONOTE.",
  ].join('\n'),
  run(ctx) {
    const ds = ctx.dataset;
    const withService = new Set<string>();
    let services = 0;
    for (const owner of [...ds.stsDivisions, ...ds.stsGroups])
      for (const s of owner.services) {
        services++;
        for (const id of s.teacherIds) withService.add(id);
      }
    if (!services) return [];
    const out: RawFinding[] = [];
    for (const s of ds.staff) {
      const teaches = (s.function ?? '').trim().toUpperCase() === 'ENS' || s.substitute === true;
      if (!teaches || withService.has(s.id)) continue;
      out.push({
        subjects: [staffRef(s)],
        evidence: [
          `Enseignant ${describeStaff(s)} : aucun service (aucune classe ni aucun groupe) dans l'export STS-web.`,
          s.substitute
            ? 'Il figure parmi les suppléants (SUP) : ses services se rattachent dans Services suppléments > Saisie rapide.'
            : 'Remplaçant (REP) ou nouvel arrivant : ses services se rattachent dans Services et ARE > Changement support.',
          ...(s.disciplines.length ? [`Discipline(s) de poste : ${s.disciplines.map((d) => d.label ?? d.code).join(', ')}.`] : []),
        ],
      });
    }
    return out;
  },
};
