/** Every format Raccord reads. Adding one = writing its reader file and listing it here. */
import type { TableFormatReader, XmlFormatReader } from './types.js';
import { siecleElevesReader } from './siecle-eleves.js';
import { siecleResponsablesReader } from './siecle-responsables.js';
import { siecleNomenclatureReader } from './siecle-nomenclature.js';
import { siecleStructuresReader } from './siecle-structures.js';
import { siecleCommunsReader } from './siecle-communs.js';
import { stsEmpReader } from './sts-emp.js';
import { indexEducationReader } from './index-education.js';
import { pronoteIdsReader } from './pronote-ids.js';
import { entAccountsReader } from './ent-accounts.js';

export const XML_READERS: readonly XmlFormatReader[] = [
  siecleElevesReader,
  siecleResponsablesReader,
  siecleNomenclatureReader,
  siecleStructuresReader,
  siecleCommunsReader,
  stsEmpReader,
  indexEducationReader,
];

export const TABLE_READERS: readonly TableFormatReader[] = [pronoteIdsReader, entAccountsReader];

/** Roots of files from the wrong portal or export: recognised only to explain the mistake. */
export const WRONG_XML_ROOTS: Record<string, { message: string; hint: string }> = {
  EDT_STS: {
    message:
      "C'est l'export du logiciel EDT d'Index Éducation vers STS-web (racine EDT_STS), pas l'export de STS-web.",
    hint: 'Dans STS-web : Mise à jour > Exports > Emploi du temps, puis importez le fichier sts_emp_RNE_ANNEE.xml obtenu.',
  },
  TABLE: {
    message: "C'est l'export des cours du logiciel EDT (racine TABLE), que Raccord n'utilise pas.",
    hint: 'Importez plutôt les exports SIECLE (élèves, responsables) et STS-web (sts_emp), et les identifiants PRONOTE.',
  },
};
