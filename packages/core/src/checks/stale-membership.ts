/**
 * groups.stale-membership — warning: a pupil who changed class stayed in a group of the old
 * class (seed 001, « Discordances entre les accès et les contacts des enseignants »). The
 * group's teachers become teachers of the new class in the ENT, receive its messages, and the
 * pupil sees two homework diaries. Not an error: nobody is locked out, but the access is wrong.
 */
import type { CheckRule } from './types.js';
import { describePupil, groupRef, indexDataset, pupilRef, PUSH_GROUP_LINKS, type RawFinding } from './common.js';
import { distinctGroups, groupTeachers, knownGroups } from './groups-common.js';

export const staleMembership: CheckRule = {
  code: 'groups.stale-membership',
  title: "Élève resté dans un groupe de son ancienne classe",
  severity: 'warning',
  description:
    "Un élève est inscrit dans un groupe qui n'est pas rattaché à sa classe actuelle (DIVISIONS_APPARTENANCE dans STS-web) : c'est le reste d'un changement de classe. Les enseignants de ce groupe apparaissent dans l'ENT comme enseignants de la nouvelle classe, voient sa rubrique et reçoivent ses messages, et l'élève voit deux cahiers de textes.",
  fix: [
    "Retirer l'élève de son ancien groupe dans EDT, puis renvoyer les liens élèves/groupes vers SIECLE.",
    "1. Le groupe en cause est celui que partagent l'élève et les services de l'enseignant cité (comparer les services de l'enseignant avec les groupes de la nouvelle classe).",
    "2. Dans EDT, ouvrir ce groupe et retirer l'élève.",
    `3. ${PUSH_GROUP_LINKS}`,
    "4. Pour un effet immédiat, retirer aussi l'élève du groupe dans l'ENT (Annuaire > Groupes).",
  ].join('\n'),
  run(ctx) {
    const ds = ctx.dataset;
    const idx = indexDataset(ds);
    const groups = knownGroups(ds);
    const out: RawFinding[] = [];
    idx.currentPupils.forEach((p) => {
      if (!p.division) return;
      const division = p.division;
      distinctGroups(p).forEach((code) => {
        const g = groups.get(code);
        if (!g || !g.divisions.length || g.divisions.includes(division)) return;
        const teachers = groupTeachers(g.sts, idx.staffById);
        out.push({
          subjects: [pupilRef(p), groupRef(ds, code), { source: 'siecle', kind: 'group', id: division, label: `classe ${division}` }],
          evidence: [
            `Élève ${describePupil(p)} : classe actuelle ${division}, mais inscrit(e) dans le groupe ${code}.`,
            `Le groupe ${code} est rattaché à ${g.divisions.join(', ')} (${g.source === 'sts' ? 'STS-web' : 'SIECLE, Structures'}), pas à ${division}.`,
            teachers.length
              ? `Enseignants du groupe ${code}, qui apparaissent à tort comme enseignants de ${division} : ${teachers.join(', ')}.`
              : `Aucun service d'enseignement connu pour le groupe ${code}.`,
          ],
        });
      });
    });
    return out;
  },
};
