import { useEffect, useState } from 'react';
import { loadStoredPlan } from '../lib/plan-store';
import { getSettings, planItem, settingsItem, type Settings, type StoredPlan } from '../lib/storage';

/** The stored plan (null when none or expired), kept up to date. */
export function usePlan(): { stored: StoredPlan | null; loading: boolean } {
  const [stored, setStored] = useState<StoredPlan | null>(null);
  const [loading, setLoading] = useState(true);
  useEffect(() => {
    const load = () => loadStoredPlan().then((s) => {
      setStored(s);
      setLoading(false);
    });
    void load();
    return planItem.watch(() => void load());
  }, []);
  return { stored, loading };
}

/** The extension's settings, kept up to date (null while loading). */
export function useSettings(): Settings | null {
  const [s, setS] = useState<Settings | null>(null);
  useEffect(() => {
    void getSettings().then(setS);
    return settingsItem.watch(() => void getSettings().then(setS));
  }, []);
  return s;
}

/** « 04/12/2026 à 20:15 ». */
export function frDateTime(iso: string): string {
  const d = new Date(iso);
  return `${d.toLocaleDateString('fr-FR')} à ${d.toLocaleTimeString('fr-FR', { hour: '2-digit', minute: '2-digit' })}`;
}

/** « LYCEE RAYMOND NAVES (0310040A) », or the UAI alone. */
export function schoolLabel(school: StoredPlan['plan']['school']): string {
  return school.name ? `${school.name} (${school.uai})` : school.uai;
}
