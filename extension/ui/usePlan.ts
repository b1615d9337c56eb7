import { useEffect, useState } from 'react';
import { loadStoredPlan } from '../lib/plan-store';
import { planItem, type StoredPlan } from '../lib/storage';

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

export function frDateTime(iso: string): string {
  return new Date(iso).toLocaleString('fr-FR', { dateStyle: 'short', timeStyle: 'short' });
}
