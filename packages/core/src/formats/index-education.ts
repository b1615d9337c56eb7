/**
 * The encrypted envelope of Index Éducation's exports to the ENT, root `EXPORT_INDEX_EDUCATION`
 * (EDT/PRONOTE → ENT, e.g. `EDT_To_KOSMOS_0000000X.xml`; formats.md §4.1, §9.1).
 *
 * The content is encrypted for the ENT partner(s) named under CLES: Raccord never tries to decrypt
 * it. It reads the clear fields and explains, in one warning, what the file is for and which
 * export to use instead. The file is recognised, not refused: `error` stays null.
 */
import type { EncryptedEnvelope } from '../model/types.js';
import { frDate, toIsoDateTime } from '../model/dates.js';
import { asArray, child, text, type XmlNode } from '../util/xml.js';
import type { ReaderContext, ReaderResult, XmlFormatReader } from './types.js';

function frList(items: string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} et ${items[items.length - 1]}`;
}

function explanation(file: string, env: EncryptedEnvelope, exportDate: string | undefined): string {
  const partners = env.partners.map((p) => `« ${p} »`);
  const forWhom = partners.length === 0
    ? "pour le partenaire ENT prévu (aucun nom de partenaire n'est lisible dans le fichier)"
    : `pour ${partners.length > 1 ? 'les partenaires ENT' : 'le partenaire ENT'} ${frList(partners)}, seul${partners.length > 1 ? 's' : ''} à en détenir la clé`;
  const origin = [
    env.software ? `produit par ${env.software}` : '',
    exportDate ? `le ${frDate(exportDate)}${exportDate.length > 10 ? ` à ${exportDate.slice(11, 16)}` : ''}` : '',
    env.uai ? `pour l'établissement ${env.uai}${env.schoolName ? ` (${env.schoolName})` : ''}` : '',
  ].filter(Boolean).join(' ');
  return [
    `« ${file} » est un export chiffré d'Index Éducation (EDT/PRONOTE → ENT, du type EDT_To_KOSMOS_….xml)${origin ? `, ${origin}` : ''}.`,
    `Son contenu est chiffré ${forWhom} : Raccord ne peut pas le lire et ne cherchera pas à le déchiffrer.`,
    "Ce fichier est destiné à l'ENT : importez-le tel quel dans la console d'administration de l'ENT (« Importer les identifiants Pronote »).",
    "Pour rapprocher les identifiants PRONOTE dans Raccord, utilisez plutôt la liste des identifiants PRONOTE : dans PRONOTE, affichez la liste des élèves, des professeurs ou des responsables avec la colonne « Identifiant PRONOTE », puis exportez-la (CSV) ou copiez-la et collez-la dans Raccord.",
  ].join(' ');
}

function parse(doc: XmlNode, _root: string, ctx: ReaderContext): ReaderResult {
  const partners: string[] = [];
  for (const p of asArray<XmlNode>(child(doc, 'CLES')['PARTENAIRE'])) {
    const name = text(p, '@NOM');
    if (name && !partners.includes(name)) partners.push(name);
  }
  const envelope: EncryptedEnvelope = { partners };
  const fields = [
    ['version', 'VERSION'],
    ['software', 'LOGICIEL'],
    ['dateTime', 'DATEHEURE'],
    ['uai', 'UAI'],
    ['schoolName', 'NOMETABLISSEMENT'],
  ] as const;
  for (const [key, tag] of fields) {
    const value = text(doc, tag);
    if (value) envelope[key] = value;
  }
  if (envelope.uai) envelope.uai = envelope.uai.toUpperCase();
  const exportDate = toIsoDateTime(envelope.dateTime);
  ctx.warn({ code: 'encrypted', message: explanation(ctx.file, envelope, exportDate) });
  const result: ReaderResult = { data: { envelope } };
  if (envelope.uai) result.uai = envelope.uai;
  if (exportDate) result.exportDate = exportDate;
  return result;
}

export const indexEducationReader: XmlFormatReader = {
  kind: 'index-education-encrypted',
  roots: ['EXPORT_INDEX_EDUCATION'],
  arrayTags: ['PARTENAIRE'],
  parse,
};
