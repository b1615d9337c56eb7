/**
 * Checks on the school identifier (UAI, formerly RNE) a file carries, and on what an STS-web
 * file's name says (`sts_emp_{UAI}_{ANNEE}.xml`, formats.md §2): warnings, never refusals — the
 * content decides, the admin is told where it disagrees.
 */
import type { ReaderContext } from './types.js';

/** A UAI: 7 digits and a letter (0310040A). */
export const UAI_SHAPE = /^\d{7}[A-Z]$/;

/** Warns when the UAI a file carries does not have a UAI's shape (Pix's fixture `123ABC`). */
export function warnMalformedUai(uai: string, where: string, ctx: ReaderContext): void {
  if (UAI_SHAPE.test(uai.toUpperCase())) return;
  ctx.warn({
    code: 'uai-malformed',
    message: `« ${ctx.file} » indique l'établissement « ${uai} » (${where}), qui n'a pas la forme d'un UAI (7 chiffres et une lettre, par exemple 0310040A) : vérifiez qu'il s'agit bien d'un export du portail, non modifié.`,
  });
}

const STS_FILE_NAME = /(?:^|[\\/])sts_emp_([0-9A-Za-z]+)_(\d{4})\.xml$/i;

/** Warns when `sts_emp_0210050R_2009.xml` holds another UAI or year than its name says. */
export function warnStsNameMismatch(uai: string | undefined, schoolYear: number | undefined, ctx: ReaderContext): void {
  const m = STS_FILE_NAME.exec(ctx.file);
  if (!m) return;
  const [, nameUai, nameYear] = m as unknown as [string, string, string];
  if (uai && nameUai.toUpperCase() !== uai.toUpperCase()) {
    ctx.warn({
      code: 'sts.file-name-uai',
      message: `« ${ctx.file} » porte dans son nom l'UAI ${nameUai.toUpperCase()}, mais son contenu est celui de l'établissement ${uai.toUpperCase()} (PARAMETRES/UAJ) : Raccord se fie au contenu. Vérifiez que c'est bien l'export de votre établissement (le fichier a peut-être été renommé).`,
    });
  }
  if (schoolYear !== undefined && Number(nameYear) !== schoolYear) {
    ctx.warn({
      code: 'sts.file-name-year',
      message: `« ${ctx.file} » porte dans son nom l'année ${nameYear}, mais son contenu est de l'année scolaire ${schoolYear}-${schoolYear + 1} (PARAMETRES/ANNEE_SCOLAIRE) : Raccord se fie au contenu. Vérifiez que c'est bien l'export de l'année en cours.`,
    });
  }
}
