/** The French texts of the « Étapes de la rentrée » screen and its printed summary. */
import type { StepStatus } from '@raccord/core/rentree/index.ts';

const n = (x: number) => x.toLocaleString('fr-FR');

export const rentreeFr = {
  nav: 'Étapes de la rentrée',
  title: 'Étapes de la rentrée',
  intro:
    "Les étapes que suit chaque rentrée pour que l'ENT soit alimenté correctement (guide académique « Mise en place d'un ENT ») : où en est l'établissement d'après les fichiers importés, pourquoi, et quoi faire dans quel portail.",
  yearLine: (year: number, today: string) => `Année scolaire en cours : ${year}-${year + 1} (au ${today}).`,
  summaryTitle: 'En résumé',
  countsLine: (c: Record<StepStatus, number>) =>
    [
      `${n(c.fait)} ${c.fait > 1 ? 'faites' : 'faite'}`,
      `${n(c['a-faire'])} à faire`,
      `${n(c.bloque)} ${c.bloque > 1 ? 'bloquées' : 'bloquée'}`,
      `${n(c.inconnu)} ${c.inconnu > 1 ? 'inconnues' : 'inconnue'}`,
    ].join(', ') + ' (9 étapes).',
  print: 'Imprimer le bilan',
  printHint: 'Une page pour le chef d’établissement : le statut de chaque étape et ce qui la bloque.',
  datesTitle: 'Années et dates des fichiers',
  datesOk: 'Les fichiers lus sont de l’année en cours et leurs dates d’export concordent.',
  filesDetails: (count: number) => `Date de chaque fichier (${n(count)})`,
  stepsTitle: 'Les étapes, dans l’ordre',
  stepTitle: (rank: number, title: string) => `${rank}. ${title}`,
  portal: 'Où :',
  statusLabel: 'Statut :',
  evidence: 'Ce que disent les fichiers',
  todo: 'Que faire',
  blockers: 'Constats liés',
  blockerLink: (title: string, count: number) => `${title} (${n(count)} constat${count > 1 ? 's' : ''})`,
  severity: { error: 'bloquant', warning: 'à vérifier', info: 'délai normal' } as const,
  status: {
    fait: { label: 'Fait', icon: '✔' },
    'a-faire': { label: 'À faire', icon: '➜' },
    bloque: { label: 'Bloqué', icon: '✖' },
    inconnu: { label: 'Inconnu', icon: '?' },
  } satisfies Record<StepStatus, { label: string; icon: string }>,
  printTitle: 'Bilan de la rentrée',
  printSchool: (uai: string, name: string | undefined) => (name ? `${name} (${uai})` : `Établissement ${uai}`),
  printMade: (today: string) => `Établi le ${today} par Raccord, d'après les exports importés (aucune donnée n'a quitté le poste).`,
  printCol: { step: 'Étape', status: 'Statut', why: 'En bref', blocking: 'Constats liés' },
  printNone: '—',
};
