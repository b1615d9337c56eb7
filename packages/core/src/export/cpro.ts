/**
 * The C PRO éducation bundle (seed 004): C PRO imports `ElevesSansAdresses.xml` and
 * `ResponsablesAvecAdresses.xml` as SIECLE wrote them; over 4 Mo each, they must be zipped
 * together and sent through the « Fichier ZIP » form. Raccord passes the original bytes through
 * untouched (no re-encoding: C PRO reads the ISO-8859-15 SIECLE files), unzips a SIECLE
 * `…zip` export when that is what the admin gives, and zips only when needed.
 *
 * « 4 Mo » is read as 4 000 000 bytes (the seed does not say 10⁶ or 2²⁰): zipping a file a little
 * early is always accepted by the ZIP form, sending one a little too large is not.
 */
import { unzipSync, zipSync } from 'fflate';
import { isUsefulZipEntry, isZip } from '../formats/read.js';
import { RaccordError, formatBytes } from '../util/errors.js';

export const CPRO_ZIP_THRESHOLD = 4_000_000;
export const CPRO_ELEVES = 'ElevesSansAdresses.xml';
export const CPRO_RESPONSABLES = 'ResponsablesAvecAdresses.xml';
export const CPRO_ZIP = 'ElevesEtResponsables.zip';

export interface NamedBytes {
  name: string;
  bytes: Uint8Array;
}

export interface CproBundle {
  /** Either the two XML files, or one zip holding both. */
  files: NamedBytes[];
  zipped: boolean;
  /** What to do in C PRO éducation, in French, one step per line. */
  instructions: string;
  warnings: string[];
}

/** The root element name of an XML file (SIECLE files are ASCII-compatible up to it). */
function rootElement(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  return /<([A-Za-z_][\w.-]*)[\s>/]/.exec(head.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>/g, ''))?.[1];
}

/** The XML itself: the bytes, or the single useful `.xml` entry of a SIECLE zip. */
function xmlOf(input: NamedBytes): NamedBytes {
  if (!isZip(input.bytes)) return input;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(input.bytes);
  } catch {
    throw new RaccordError({
      code: 'zip-invalid',
      file: input.name,
      message: `L'archive « ${input.name} » est illisible.`,
      hint: "Téléchargez à nouveau le fichier depuis SIECLE (Exportations > En XML), sans l'ouvrir ni le recompresser.",
    });
  }
  const xml = Object.keys(entries).filter((n) => isUsefulZipEntry(n) && n.toLowerCase().endsWith('.xml'));
  if (xml.length !== 1)
    throw new RaccordError({
      code: 'zip-empty',
      file: input.name,
      message: `L'archive « ${input.name} » contient ${xml.length} fichiers XML au lieu d'un seul.`,
      hint: 'Donnez directement ElevesSansAdresses.xml et ResponsablesAvecAdresses.xml, ou les deux archives SIECLE telles quelles.',
    });
  return { name: xml[0]!.split('/').pop()!, bytes: entries[xml[0]!]! };
}

function expectRoot(file: NamedBytes, root: string, what: string): void {
  const found = rootElement(file.bytes);
  if (found === root) return;
  throw new RaccordError({
    code: 'wrong-portal',
    file: file.name,
    message: `« ${file.name} » n'est pas le fichier ${what} de SIECLE (élément racine ${found ? `« ${found} »` : 'introuvable'}, attendu « ${root} »).`,
    hint: 'Dans SIECLE Base élèves : Exportations > En XML > Génériques, enregistrer ElevesSansAdresses et ResponsablesAvecAdresses.',
  });
}

/** The two SIECLE files ready for C PRO éducation: as they are, or zipped together when one is over 4 Mo. */
export function cproBundle(eleves: NamedBytes, responsables: NamedBytes): CproBundle {
  const e = xmlOf(eleves);
  const r = xmlOf(responsables);
  expectRoot(e, 'BEE_ELEVES', 'des élèves');
  expectRoot(r, 'BEE_RESPONSABLES', 'des responsables');
  const warnings: string[] = [];
  if (/avecadresses/i.test(e.name))
    warnings.push(`« ${e.name} » semble être l'export élèves avec adresses : C PRO éducation attend ElevesSansAdresses.xml.`);
  if (/sansadresses/i.test(r.name))
    warnings.push(`« ${r.name} » semble être l'export responsables sans adresses : C PRO éducation attend ResponsablesAvecAdresses.xml.`);

  const zipped = e.bytes.length > CPRO_ZIP_THRESHOLD || r.bytes.length > CPRO_ZIP_THRESHOLD;
  const sizes = `${CPRO_ELEVES} : ${formatBytes(e.bytes.length)}, ${CPRO_RESPONSABLES} : ${formatBytes(r.bytes.length)}`;
  const first = "1. Importer d'abord les enseignants : fichier sts_emp_{RNE}_{année}.xml (STS-web : Exports > Emploi du temps), dans C PRO éducation, module Importer des fichiers, partie « Importation des enseignants » : Parcourir, Analyse du fichier, Importer les fichiers.";
  const last =
    "3. Cliquer sur « Importer les fichiers ». Un import ultérieur crée les nouveaux, garde les existants, désactive les sortants et réactive ceux qui reviennent ; il ne change pas les codes d'accès.";
  if (zipped) {
    const zip = zipSync({ [CPRO_ELEVES]: e.bytes, [CPRO_RESPONSABLES]: r.bytes }, { level: 6, mtime: new Date(2000, 0, 1) });
    return {
      files: [{ name: CPRO_ZIP, bytes: zip }],
      zipped: true,
      warnings,
      instructions: [
        `Un des fichiers dépasse 4 Mo (${sizes}) : les deux sont réunis dans ${CPRO_ZIP}.`,
        first,
        `2. Partie « Importation des apprenants et de leurs responsables légaux », formulaire « Fichier ZIP » : Parcourir, choisir ${CPRO_ZIP}, Ouvrir, puis Importer (le fichier est analysé).`,
        last,
      ].join('\n'),
    };
  }
  return {
    files: [
      { name: CPRO_ELEVES, bytes: e.bytes },
      { name: CPRO_RESPONSABLES, bytes: r.bytes },
    ],
    zipped: false,
    warnings,
    instructions: [
      `Les deux fichiers font moins de 4 Mo (${sizes}) : ils s'importent tels quels.`,
      first,
      `2. Partie « Importation des apprenants et de leurs responsables légaux » : Fichier ElevesSansAdresses > Parcourir, choisir ${CPRO_ELEVES} ; Fichier ResponsablesAvecAdresses > Parcourir, choisir ${CPRO_RESPONSABLES} ; puis « Analyse du ou des fichiers ».`,
      last,
    ].join('\n'),
  };
}
