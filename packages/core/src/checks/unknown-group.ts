/**
 * groups.unknown-group — warning: a SIECLE group some current pupils are in (a group of
 * Structures.xml with no pupil is left alone) that STS-web does not know (the STS-web import from the timetable is « annule et
 * remplace »: a group renamed or dropped in EDT disappears from STS-web). The group has no
 * teacher service, so in the ENT it has no teacher. Runs only when an STS-web export was read.
 */
import type { CheckRule } from './types.js';
import { indexDataset, pupilLabel, pushTo, REMONTEE_STS, PUSH_GROUP_LINKS, type RawFinding } from './common.js';
import { VALID_GROUP_NAME, distinctGroups } from './groups-common.js';
import { stsFormOfGroup } from './invalid-group-name.js';

export const unknownGroup: CheckRule = {
  code: 'groups.unknown-group',
  title: 'Groupe SIECLE inconnu de STS-web',
  severity: 'warning',
  description:
    "Des élèves sont inscrits dans SIECLE dans un groupe que STS-web ne connaît pas (renommé ou supprimé lors du dernier import « Emploi du temps », qui annule et remplace) : le groupe n'a aucun service d'enseignement, donc aucun enseignant dans l'ENT.",
  fix: [
    'Refaire exister le groupe dans STS-web (remontée depuis EDT), ou en retirer les élèves.',
    `1. ${REMONTEE_STS}`,
    `2. Si le groupe n'a plus lieu d'être, retirer les élèves du groupe dans EDT. ${PUSH_GROUP_LINKS}`,
  ].join('\n'),
  run(ctx) {
    const ds = ctx.dataset;
    const idx = indexDataset(ds);
    if (!idx.has.sts) return [];
    const sts = new Set(ds.stsGroups.map((g) => g.code));
    const divisions = new Set(ds.stsDivisions.map((d) => d.code));
    // Only groups with pupils: a SIECLE group nobody is in (Structures.xml only) needs no teacher.
    const members = new Map<string, string[]>();
    idx.currentPupils.forEach((p) =>
      distinctGroups(p).forEach((code) => {
        if (!sts.has(code) && !divisions.has(code)) pushTo(members, code, pupilLabel(p));
      }),
    );
    const out: RawFinding[] = [];
    for (const [code, pupils] of [...members].sort(([a], [b]) => a.localeCompare(b))) {
      const twin = stsFormOfGroup(code);
      out.push({
        subjects: [{ source: 'siecle', kind: 'group', id: code, label: `groupe ${code}` }],
        evidence: [
          `Groupe ${code} : ${pupils.length} élève(s) inscrit(s) dans SIECLE, absent de STS-web (sts_emp).`,
          pupils.length ? `Élèves : ${pupils.slice(0, 10).join(', ')}${pupils.length > 10 ? `, et ${pupils.length - 10} autre(s)` : ''}.` : '',
          !VALID_GROUP_NAME.test(code)
            ? twin !== code && sts.has(twin)
              ? `Le nom « ${code} » n'est pas accepté par STS-web (voir « Nom de groupe refusé par STS-web ») ; STS-web connaît « ${twin} », sans doute le même groupe renommé par EDT.`
              : `Si ce groupe vient d'EDT et doit exister dans STS-web, son nom doit tenir en 8 caractères (lettres, chiffres, espaces, « - », « _ »).`
            : '',
        ].filter(Boolean),
      });
    }
    return out;
  },
};
