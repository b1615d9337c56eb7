/**
 * SIECLE `ElevesSansAdresses.xml` / `ElevesAvecAdresses.xml` (root BEE_ELEVES, formats.md §1.3):
 * ELEVES/ELEVE, then OPTIONS and STRUCTURES merged onto the pupils by ELEVE_ID (ELENOET as a
 * fallback key). Every anomaly real parsers meet (duplicates, leavers, `Inactifs`, several
 * classes) is kept and reported, never fatal.
 */
import type { ParseWarning, SieclePupil, Sex } from '../model/types.js';
import { displayName } from '../model/types.js';
import { asArray, text, type XmlNode } from '../util/xml.js';
import {
  attrOrChild,
  capitalize,
  keyedRecords,
  listOf,
  pushUnique,
  readDate,
  readPersonName,
  referenceDate,
  setIf,
  siecleReader,
} from './siecle-common.js';
import type { ReaderContext } from './types.js';

const SEX: Record<string, Sex> = { '1': 'M', '2': 'F' };

/** « l'élève DUPONT Marie (ELEVE_ID 1234, INE 0123456789A) » */
function describe(p: SieclePupil): string {
  const name = displayName(p.name);
  const ids = [`ELEVE_ID ${p.eleveId}`];
  if (p.ine) ids.push(`INE ${p.ine}`);
  return `l'élève ${name || '(sans nom)'} (${ids.join(', ')})`;
}

function readPupil(node: XmlNode, eleveId: string, position: number, ctx: ReaderContext, today: string): SieclePupil {
  const pupil: SieclePupil = {
    eleveId,
    name: readPersonName(node),
    left: false,
    groups: [],
    options: [],
    provenance: { file: ctx.file, position },
  };
  setIf(pupil, 'elenoet', attrOrChild(node, 'ELENOET'));
  // formats.md §1.3 rule 6: ID_NATIONAL, else INE_RNIE (the national INE since 2017), else INE_BEA.
  const idNational = text(node, 'ID_NATIONAL');
  const ineBea = text(node, 'INE_BEA');
  const ineRnie = text(node, 'INE_RNIE');
  setIf(pupil, 'ine', idNational ?? ineRnie ?? ineBea);
  setIf(pupil, 'ineBea', ineBea);
  setIf(pupil, 'ineRnie', ineRnie);
  // Named in warnings only: built when one is given.
  const who = () => describe(pupil);
  setIf(pupil, 'birthDate', readDate(node, 'DATE_NAISS', ctx, who, position));
  const sexCode = text(node, 'CODE_SEXE');
  setIf(pupil, 'sex', sexCode ? SEX[sexCode] : undefined);
  setIf(pupil, 'birthCountryCode', text(node, 'CODE_PAYS'));
  setIf(pupil, 'birthDepartment', text(node, 'CODE_DEPARTEMENT_NAISS'));
  setIf(pupil, 'birthInseeCode', text(node, 'CODE_COMMUNE_INSEE_NAISS'));
  setIf(pupil, 'birthCity', text(node, 'VILLE_NAISS'));
  setIf(pupil, 'mef', text(node, 'CODE_MEF'));
  setIf(pupil, 'status', text(node, 'CODE_STATUT'));
  setIf(pupil, 'email', text(node, 'MEL'));
  setIf(pupil, 'entryDate', readDate(node, 'DATE_ENTREE', ctx, who, position));
  // formats.md §1.3 rule 1: DATE_SORTIE on or before the export date (or today) = left; a
  // future date = still enrolled. An unreadable DATE_SORTIE counts as left, as its presence does for SACoche and Pix.
  if (text(node, 'DATE_SORTIE')) {
    const leaveDate = readDate(node, 'DATE_SORTIE', ctx, who, position, "l'élève est considéré comme sorti");
    if (leaveDate) pupil.leaveDate = leaveDate;
    pupil.left = leaveDate === undefined || leaveDate <= today;
  }
  if (!pupil.name.family && !pupil.name.given) {
    ctx.warn({
      code: 'siecle.missing-name',
      position,
      message: `${capitalize(describe(pupil))} n'a ni nom ni prénom dans le fichier : il est gardé mais ne pourra être rapproché que par son INE. Complétez sa fiche dans SIECLE.`,
    });
  }
  return pupil;
}

/** Per-pupil state while merging STRUCTURES_ELEVE (a pupil can appear in several of them). */
interface StructureAcc {
  divisions: string[];
  inactive: boolean;
  seen: boolean;
}

/** Resolves ELEVE_ID, or ELENOET when only that is given, to a known pupil. */
class PupilIndex {
  private byElenoet?: Map<string, SieclePupil>;
  constructor(readonly pupils: Map<string, SieclePupil>) {}

  find(node: XmlNode): { pupil?: SieclePupil; ref: string } {
    const eleveId = attrOrChild(node, 'ELEVE_ID');
    if (eleveId !== undefined) return { pupil: this.pupils.get(eleveId), ref: `ELEVE_ID ${eleveId}` };
    const elenoet = attrOrChild(node, 'ELENOET');
    if (elenoet === undefined) return { ref: 'sans ELEVE_ID ni ELENOET' };
    if (!this.byElenoet) {
      this.byElenoet = new Map();
      for (const p of this.pupils.values()) if (p.elenoet && !this.byElenoet.has(p.elenoet)) this.byElenoet.set(p.elenoet, p);
    }
    return { pupil: this.byElenoet.get(elenoet), ref: `ELENOET ${elenoet}` };
  }
}

/**
 * Calls `fn` for each per-pupil block (STRUCTURES_ELEVE, OPTION) whose pupil is known; a block
 * for an unknown pupil is reported with `unknown` and skipped.
 */
function eachPupilBlock(
  blocks: XmlNode[],
  index: PupilIndex,
  ctx: ReaderContext,
  unknown: (ref: string, position: number) => ParseWarning,
  fn: (block: XmlNode, pupil: SieclePupil, position: number) => void,
): void {
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    const { pupil, ref } = index.find(block);
    if (pupil) fn(block, pupil, i + 1);
    else ctx.warn(unknown(ref, i + 1));
  }
}

function mergeStructures(data: XmlNode, index: PupilIndex, ctx: ReaderContext): Map<SieclePupil, StructureAcc> {
  const accs = new Map<SieclePupil, StructureAcc>();
  const blocks = listOf(data, 'STRUCTURES', 'STRUCTURES_ELEVE');
  const unknown = (ref: string, position: number): ParseWarning => ({
    code: 'siecle.structures-unknown-pupil',
    position,
    message: `Les classes et groupes n° ${position} (STRUCTURES_ELEVE, ${ref}) concernent un élève absent de la liste ELEVES : ils sont ignorés. Exportez à nouveau le fichier élèves depuis SIECLE.`,
  });
  eachPupilBlock(blocks, index, ctx, unknown, (block, pupil, position) => {
    let acc = accs.get(pupil);
    if (!acc) {
      acc = { divisions: [], inactive: false, seen: false };
      accs.set(pupil, acc);
    }
    if (acc.seen) {
      ctx.warn({
        code: 'siecle.duplicate-structures',
        position,
        message: `${capitalize(describe(pupil))} a plusieurs blocs de classes et groupes (STRUCTURES_ELEVE) : ils ont été fusionnés. Vérifiez sa classe et ses groupes dans SIECLE.`,
      });
    }
    acc.seen = true;
    for (const s of asArray(block['STRUCTURE'])) {
      const code = text(s, 'CODE_STRUCTURE');
      const type = text(s, 'TYPE_STRUCTURE')?.toUpperCase();
      if (!code) {
        ctx.warn({
          code: 'siecle.structure-without-code',
          position,
          message: `${capitalize(describe(pupil))} a une structure sans CODE_STRUCTURE : elle est ignorée. Vérifiez ses classes et groupes dans SIECLE.`,
        });
      } else if (type === 'D') {
        if (code.toLowerCase() === 'inactifs') acc.inactive = true;
        else pushUnique(acc.divisions, code);
      } else if (type === 'G') {
        pushUnique(pupil.groups, code);
      } else {
        ctx.warn({
          code: 'siecle.unknown-structure-type',
          position,
          message: `${capitalize(describe(pupil))} : la structure « ${code} » a un type inconnu (TYPE_STRUCTURE « ${type ?? ''} », attendu D ou G) ; elle est ignorée.`,
        });
      }
    }
  });
  for (const [pupil, acc] of accs) {
    const first = acc.divisions[0];
    if (first !== undefined) {
      pupil.division = first;
      if (acc.divisions.length > 1) {
        ctx.warn({
          code: 'siecle.several-divisions',
          position: pupil.provenance.position,
          message: `${capitalize(describe(pupil))} est dans plusieurs classes (${acc.divisions.join(', ')}) : Raccord retient « ${first} ». Corrigez sa classe dans SIECLE.`,
        });
      }
    } else if (acc.inactive) {
      pupil.inactive = true;
    }
  }
  if (blocks.length === 0 && index.pupils.size > 0) {
    ctx.warn({
      code: 'siecle.no-structures',
      message: `Le fichier « ${ctx.file} » ne contient aucune affectation en classe (STRUCTURES vide) : les élèves n'ont pas de classe. Si les classes viennent d'être saisies dans SIECLE, refaites l'export le lendemain.`,
    });
  }
  return accs;
}

function mergeOptions(data: XmlNode, index: PupilIndex, ctx: ReaderContext): void {
  const unknown = (ref: string, position: number): ParseWarning => ({
    code: 'siecle.options-unknown-pupil',
    position,
    message: `Les options n° ${position} (OPTION, ${ref}) concernent un élève absent de la liste ELEVES : elles sont ignorées.`,
  });
  eachPupilBlock(listOf(data, 'OPTIONS', 'OPTION'), index, ctx, unknown, (block, pupil) => {
    const ranked: { rank: number; code: string }[] = [];
    for (const o of asArray(block['OPTIONS_ELEVE'])) {
      const code = text(o, 'CODE_MATIERE');
      if (!code) continue;
      const rank = Number(text(o, 'NUM_OPTION'));
      ranked.push({ rank: Number.isFinite(rank) ? rank : Number.MAX_SAFE_INTEGER, code });
    }
    ranked.sort((a, b) => a.rank - b.rank);
    for (const r of ranked) pushUnique(pupil.options, r.code);
  });
}

function warnDuplicateIne(pupils: Iterable<SieclePupil>, ctx: ReaderContext): void {
  const byIne = new Map<string, SieclePupil>();
  for (const p of pupils) {
    if (p.left || !p.ine) continue;
    const first = byIne.get(p.ine);
    if (!first) {
      byIne.set(p.ine, p);
      continue;
    }
    ctx.warn({
      code: 'siecle.duplicate-ine',
      position: p.provenance.position,
      message: `Le même INE ${p.ine} est porté par deux élèves inscrits : ${describe(first)} et ${describe(p)}. Un des deux dossiers est sans doute un doublon : corrigez-le dans SIECLE.`,
    });
  }
}

function warnWithoutDivision(pupils: Iterable<SieclePupil>, ctx: ReaderContext, hasStructures: boolean): void {
  if (!hasStructures) return;
  const missing: SieclePupil[] = [];
  for (const p of pupils) if (!p.left && !p.inactive && p.division === undefined) missing.push(p);
  if (!missing.length) return;
  const shown = missing.slice(0, 5).map((p) => `${displayName(p.name)} (ELEVE_ID ${p.eleveId})`).join(', ');
  const more = missing.length > 5 ? ` et ${missing.length - 5} autre(s)` : '';
  ctx.warn({
    code: 'siecle.pupils-without-division',
    message: `${missing.length} élève(s) inscrit(s) n'ont pas de classe dans le fichier : ${shown}${more}. Ils sont gardés ; affectez-les à une classe dans SIECLE puis refaites l'export.`,
  });
}

export const siecleElevesReader = siecleReader(
  'siecle-eleves',
  'BEE_ELEVES',
  ['ELEVE', 'OPTION', 'OPTIONS_ELEVE', 'STRUCTURES_ELEVE', 'STRUCTURE'],
  (data, ctx, header) => {
    const today = referenceDate(header, ctx);
    const pupils = keyedRecords<SieclePupil>(
      listOf(data, 'ELEVES', 'ELEVE'),
      {
        key: (n) => attrOrChild(n, 'ELEVE_ID'),
        build: (n, key, position) => readPupil(n, key, position, ctx, today),
        missing: (n, position) => {
          const name = readPersonName(n);
          const ine = text(n, 'ID_NATIONAL') ?? text(n, 'INE_RNIE');
          return {
            code: 'siecle.missing-eleve-id',
            position,
            message: `L'élève n° ${position} (${displayName(name) || 'sans nom'}${ine ? `, INE ${ine}` : ''}) n'a pas d'identifiant ELEVE_ID : il est ignoré. Exportez à nouveau le fichier depuis SIECLE.`,
          };
        },
        duplicate: (n, key, first, position) => ({
          code: 'siecle.duplicate-eleve-id',
          position,
          message: `L'identifiant ELEVE_ID ${key} apparaît deux fois (élèves n° ${first.provenance.position} et n° ${position}, ${displayName(readPersonName(n)) || 'sans nom'}) : seul le premier, ${describe(first)}, est gardé. Corrigez le doublon dans SIECLE.`,
        }),
      },
      ctx,
    );
    const index = new PupilIndex(pupils);
    const accs = mergeStructures(data, index, ctx);
    mergeOptions(data, index, ctx);
    warnDuplicateIne(pupils.values(), ctx);
    warnWithoutDivision(pupils.values(), ctx, accs.size > 0);
    return { pupils: [...pupils.values()] };
  },
);
