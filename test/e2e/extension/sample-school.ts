/**
 * The sample school the app loads (« Essayer avec l'établissement d'exemple »), as the e2e specs
 * of the app's own plan see it: core's ground truth, the ENT export's rows, the Kosmos replica's
 * record page of any of its accounts, and the app publishing its plan to the extension.
 */
import type { Page, Worker } from '@playwright/test';
import { generateSchool, sampleDatesFor } from '../../../packages/core/src/sample/index.ts';
import type { SampleTruth } from '../../../packages/core/src/sample/types.ts';
import { APP, expect, PORTALS } from './fixtures';

export interface EntRow {
  login: string;
  nom: string;
  prenom: string;
  profil: string;
  current: string;
}

/** The sample school the app loads (dated like this week's exports, as the button does), read once. */
let school: { truth: SampleTruth; ent: Map<string, EntRow> } | undefined;
export function sampleSchool(): { truth: SampleTruth; ent: Map<string, EntRow> } {
  if (school) return school;
  const { files, truth } = generateSchool(sampleDatesFor(new Date().toISOString().slice(0, 10)));
  const file = files.find((f) => f.name.startsWith('ENT-Identifiants-'));
  if (!file) throw new Error('ENT export missing from the sample school');
  const [header, ...lines] = new TextDecoder('windows-1252').decode(file.bytes).split('\r\n').filter(Boolean);
  const cols = header!.split(';');
  const at = (name: string) => {
    const i = cols.indexOf(name);
    if (i < 0) throw new Error(`ENT export: no column ${name}`);
    return i;
  };
  const [login, nom, prenom, profil, current] = ['Login', 'Nom', 'Prénom', 'Profil', 'Identifiant PRONOTE'].map(at) as [number, number, number, number, number];
  const ent = new Map<string, EntRow>();
  for (const line of lines) {
    const c = line.split(';');
    ent.set(c[login]!, { login: c[login]!, nom: c[nom]!, prenom: c[prenom]!, profil: c[profil]!, current: c[current] ?? '' });
  }
  school = { truth, ent };
  return school;
}

/** Kosmos shows profiles with their accent. */
const KOSMOS_PROFILE: Record<string, string> = { Eleve: 'Elève', 'Responsable élève': 'Parent', Enseignant: 'Enseignant', Personnel: 'Personnel' };

/** The replica's record page URL of one account of the sample school, its row for the school showing the ENT's current value. */
export function recordUrl(row: EntRow, uai: string): string {
  const q = new URLSearchParams({ nom: row.nom.toUpperCase(), prenom: row.prenom.toUpperCase(), profil: KOSMOS_PROFILE[row.profil] ?? row.profil, login: row.login, etat: 'Activé' });
  q.append('etab', `Lpo-jean Jaures-ac-toulouse|${uai}|${row.current}`);
  return `${PORTALS}/kosmos/annuaire/utilisateur?${q}`;
}

/** The first account (export order of the truth) meeting `ok`, with its ENT row. */
export function firstAccount(ok: (a: SampleTruth['assignments'][string], row: EntRow) => boolean): EntRow & { pronoteId: string | null; trap?: string; hidden?: string } {
  const { truth, ent } = sampleSchool();
  for (const [login, a] of Object.entries(truth.assignments)) {
    const row = ent.get(login);
    if (row && ok(a, row)) return { ...row, pronoteId: a.pronoteId, trap: a.trap, hidden: a.hidden };
  }
  throw new Error('no such account in the sample school');
}

/** Logins of the plan the extension holds (its storage, read by its service worker). */
async function storedPlanHas(sw: Worker, login: string): Promise<boolean> {
  return sw.evaluate(async (l) => {
    const stored = (await chrome.storage.local.get('plan')) as { plan?: { plan: { people: { entLogins: string[] }[] } } };
    return stored.plan?.plan.people.some((p) => p.entLogins.includes(l)) ?? false;
  }, login);
}

/** Opens the app, loads the sample school, waits for the overview and for the extension to hold the app's plan. */
export async function appPublishesSamplePlan(page: Page, sw: Worker, logins: string[]): Promise<void> {
  await page.goto(APP);
  await page.getByRole('button', { name: "Essayer avec l'établissement d'exemple" }).click();
  await expect(page.getByRole('heading', { level: 1, name: "Vue d'ensemble" })).toBeVisible({ timeout: 120_000 });
  for (const login of logins) await expect.poll(() => storedPlanHas(sw, login), { timeout: 30_000 }).toBe(true);
}
