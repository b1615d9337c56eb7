/**
 * SIECLE `ResponsablesAvecAdresses.xml` / `ResponsablesSansAdresses.xml` (root BEE_RESPONSABLES,
 * formats.md §1.4): PERSONNES, ADRESSES (only "avec adresses") and the RESPONSABLE_ELEVE links,
 * in both link models — RESP_LEGAL (before 2018) and NIVEAU_RESPONSABILITE + CODE_PARENTE —
 * with legal guardians numbered 1 and 2 as GEPI does.
 */
import type { GuardianLink, PostalAddress, SiecleGuardian, Sex } from '../model/types.js';
import { displayName } from '../model/types.js';
import { text, type XmlNode } from '../util/xml.js';
import {
  attrOrChild,
  capitalize,
  keyedRecords,
  listOf,
  readPersonName,
  readPostalAddress,
  setIf,
  siecleReader,
} from './siecle-common.js';
import type { ReaderContext } from './types.js';

const CIVILITY: Record<string, { civility: 'M.' | 'MME'; sex: Sex }> = {
  'M.': { civility: 'M.', sex: 'M' },
  M: { civility: 'M.', sex: 'M' },
  MONSIEUR: { civility: 'M.', sex: 'M' },
  MME: { civility: 'MME', sex: 'F' },
  'MME.': { civility: 'MME', sex: 'F' },
  MADAME: { civility: 'MME', sex: 'F' },
  MLLE: { civility: 'MME', sex: 'F' },
  MADEMOISELLE: { civility: 'MME', sex: 'F' },
};

function describeGuardian(g: SiecleGuardian): string {
  return `${displayName(g.name) || '(sans nom)'} (PERSONNE_ID ${g.personneId})`;
}

function readGuardian(node: XmlNode, personneId: string, position: number, ctx: ReaderContext): SiecleGuardian {
  const g: SiecleGuardian = { personneId, name: readPersonName(node), provenance: { file: ctx.file, position } };
  const civ = text(node, 'LC_CIVILITE') ?? text(node, 'LL_CIVILITE');
  const known = civ ? CIVILITY[civ.toUpperCase()] : undefined;
  if (known) {
    g.civility = known.civility;
    g.sex = known.sex;
  }
  setIf(g, 'phoneHome', text(node, 'TEL_PERSONNEL'));
  setIf(g, 'phoneMobile', text(node, 'TEL_PORTABLE'));
  setIf(g, 'phoneWork', text(node, 'TEL_PROFESSIONNEL'));
  setIf(g, 'email', text(node, 'MEL'));
  setIf(g, 'addressId', text(node, 'ADRESSE_ID'));
  return g;
}

function intOf(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  return Number.isInteger(n) ? n : undefined;
}

function readLink(node: XmlNode, eleveId: string, personneId: string, position: number, ctx: ReaderContext): GuardianLink {
  const link: GuardianLink = { eleveId, personneId, legal: false, provenance: { file: ctx.file, position } };
  const respLegal = intOf(text(node, 'RESP_LEGAL'));
  const level = intOf(text(node, 'NIVEAU_RESPONSABILITE'));
  setIf(link, 'respLegal', respLegal);
  setIf(link, 'level', level);
  setIf(link, 'relationCode', text(node, 'CODE_PARENTE'));
  const fees = text(node, 'PAIE_FRAIS_SCOLAIRES');
  if (fees !== undefined) link.paysFees = fees === '1' || fees.toLowerCase() === 'true';
  // The 2018 level wins when both are present: it is what SIECLE maintains now.
  link.legal = level !== undefined ? level === 1 : respLegal === 1 || respLegal === 2;
  return link;
}

/**
 * Numbers each pupil's legal guardians 1 and 2. A SIECLE RESP_LEGAL 1/2 is kept as written (the
 * first one wins when two claim the same number); the others are numbered as GEPI does for the
 * 2018 model: the one paying school fees first, then file order.
 */
function rankLegalGuardians(links: GuardianLink[], guardians: Map<string, SiecleGuardian>, ctx: ReaderContext): void {
  const byPupil = new Map<string, GuardianLink[]>();
  for (const l of links) {
    if (!l.legal) continue;
    const list = byPupil.get(l.eleveId);
    if (list) list.push(l);
    else byPupil.set(l.eleveId, [l]);
  }
  const who = (l: GuardianLink) => {
    const g = guardians.get(l.personneId);
    return g ? describeGuardian(g) : `PERSONNE_ID ${l.personneId}`;
  };
  for (const [eleveId, legal] of byPupil) {
    const taken: (GuardianLink | undefined)[] = [undefined, undefined];
    const unranked: GuardianLink[] = [];
    for (const l of legal) {
      const r = l.respLegal;
      if (r !== 1 && r !== 2) {
        unranked.push(l);
        continue;
      }
      const holder = taken[r - 1];
      if (holder) {
        ctx.warn({
          code: 'siecle.duplicate-legal-rank',
          position: l.provenance.position,
          message: `L'élève ELEVE_ID ${eleveId} a plusieurs responsables légaux n° ${r} : ${who(holder)} est gardé comme n° ${r}, ${who(l)} reste responsable légal sans numéro. Corrigez les responsables de l'élève dans SIECLE.`,
        });
        continue;
      }
      taken[r - 1] = l;
      l.legalRank = r;
    }
    // Stable sort: payers first, then file order.
    unranked.sort((a, b) => Number(b.paysFees === true) - Number(a.paysFees === true));
    for (const l of unranked) {
      const rank = taken[0] === undefined ? 1 : taken[1] === undefined ? 2 : undefined;
      if (rank === undefined) break;
      taken[rank - 1] = l;
      l.legalRank = rank;
    }
    if (legal.length > 2) {
      ctx.warn({
        code: 'siecle.too-many-legal',
        position: legal[2]!.provenance.position,
        message: `L'élève ELEVE_ID ${eleveId} a ${legal.length} responsables légaux (${legal.map(who).join(', ')}) ; au plus deux sont numérotés. Vérifiez ses responsables dans SIECLE.`,
      });
    }
  }
}

function readLinks(data: XmlNode, guardians: Map<string, SiecleGuardian>, ctx: ReaderContext): GuardianLink[] {
  const rows = listOf(data, 'RESPONSABLES', 'RESPONSABLE_ELEVE');
  const links: GuardianLink[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const position = i + 1;
    const eleveId = attrOrChild(row, 'ELEVE_ID');
    const personneId = attrOrChild(row, 'PERSONNE_ID');
    if (!eleveId || !personneId) {
      ctx.warn({
        code: 'siecle.incomplete-link',
        position,
        message: `Le lien responsable–élève n° ${position} n'a pas ${eleveId ? 'de PERSONNE_ID' : personneId ? `d'ELEVE_ID (PERSONNE_ID ${personneId})` : "d'ELEVE_ID ni de PERSONNE_ID"} : il est ignoré. Exportez à nouveau le fichier depuis SIECLE.`,
      });
      continue;
    }
    const link = readLink(row, eleveId, personneId, position, ctx);
    const guardian = guardians.get(personneId);
    if (!guardian) {
      ctx.warn({
        code: 'siecle.link-unknown-person',
        position,
        message: `Le lien n° ${position} rattache l'élève ELEVE_ID ${eleveId} à la personne PERSONNE_ID ${personneId}, absente de la liste PERSONNES : le lien est gardé mais ce responsable n'a ni nom ni coordonnées. Exportez à nouveau le fichier depuis SIECLE.`,
      });
    }
    if (link.respLegal === undefined && link.level === undefined) {
      const who = guardian ? describeGuardian(guardian) : `PERSONNE_ID ${personneId}`;
      ctx.warn({
        code: 'siecle.link-without-level',
        position,
        message: `Le lien entre l'élève ELEVE_ID ${eleveId} et ${who} n'indique ni RESP_LEGAL ni NIVEAU_RESPONSABILITE : il est gardé, mais pas comme responsable légal. Précisez le niveau de responsabilité dans SIECLE.`,
      });
    }
    links.push(link);
  }
  rankLegalGuardians(links, guardians, ctx);
  return links;
}

export const siecleResponsablesReader = siecleReader(
  'siecle-responsables',
  'BEE_RESPONSABLES',
  ['PERSONNE', 'RESPONSABLE_ELEVE', 'ADRESSE'],
  (data, ctx) => {
    const hasAddresses = data['ADRESSES'] !== undefined;
    const addresses = keyedRecords<PostalAddress>(
      listOf(data, 'ADRESSES', 'ADRESSE'),
      {
        key: (n) => attrOrChild(n, 'ADRESSE_ID'),
        build: (n) => readPostalAddress(n, ['LIBELLE_POSTAL', 'LL_COMMUNE_INSEE']),
        missing: (_n, position) => ({
          code: 'siecle.missing-adresse-id',
          position,
          message: `L'adresse n° ${position} n'a pas d'ADRESSE_ID : aucun responsable ne peut y être rattaché, elle est ignorée.`,
        }),
        duplicate: (_n, key, _first, position) => ({
          code: 'siecle.duplicate-adresse-id',
          position,
          message: `L'identifiant ADRESSE_ID ${key} apparaît plusieurs fois (adresse n° ${position}) : seule la première adresse est gardée.`,
        }),
      },
      ctx,
    );
    const guardians = keyedRecords<SiecleGuardian>(
      listOf(data, 'PERSONNES', 'PERSONNE'),
      {
        key: (n) => attrOrChild(n, 'PERSONNE_ID'),
        build: (n, key, position) => readGuardian(n, key, position, ctx),
        missing: (n, position) => ({
          code: 'siecle.missing-personne-id',
          position,
          message: `La personne n° ${position} (${displayName(readPersonName(n)) || 'sans nom'}) n'a pas d'identifiant PERSONNE_ID : aucun élève ne peut lui être rattaché, elle est ignorée. Exportez à nouveau le fichier depuis SIECLE.`,
        }),
        duplicate: (n, key, first, position) => ({
          code: 'siecle.duplicate-personne-id',
          position,
          message: `L'identifiant PERSONNE_ID ${key} apparaît deux fois (personnes n° ${first.provenance.position} et n° ${position}, ${displayName(readPersonName(n)) || 'sans nom'}) : seule la première, ${displayName(first.name)}, est gardée.`,
        }),
      },
      ctx,
    );
    if (hasAddresses) {
      for (const g of guardians.values()) {
        if (g.addressId === undefined) continue;
        const address = addresses.get(g.addressId);
        if (address) {
          g.address = address;
        } else {
          ctx.warn({
            code: 'siecle.unknown-address',
            position: g.provenance.position,
            message: `${capitalize(`la personne ${describeGuardian(g)}`)} renvoie à l'adresse ADRESSE_ID ${g.addressId}, absente de la liste ADRESSES : elle est gardée sans adresse.`,
          });
        }
      }
    }
    const guardianLinks = readLinks(data, guardians, ctx);
    return { guardians: [...guardians.values()], guardianLinks };
  },
);
