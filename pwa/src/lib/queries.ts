/**
 * Data flow: TanStack Query over the engine (worker) and the local database. Nothing here uses
 * the network, so queries and mutations run whatever the connection (`networkMode: 'always'`).
 */
import { QueryClient, useQuery } from '@tanstack/react-query';
import { getDb, type DecisionRow, type WorkMarkRow } from '../db/schema.ts';
import { engineCall } from './engine-client.ts';

export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { networkMode: 'always', staleTime: Infinity, retry: false, refetchOnWindowFocus: false },
      mutations: { networkMode: 'always', retry: false },
    },
  });
}

export const keys = {
  overview: ['overview'] as const,
  decisions: ['decisions'] as const,
  person: (refKey: string) => ['person', refKey] as const,
  imports: ['imports'] as const,
  storage: ['storage'] as const,
  mappings: ['mappings'] as const,
  snapshots: ['snapshots'] as const,
  worklist: ['worklist'] as const,
  decisionFacts: ['decision-facts'] as const,
  workmarks: ['workmarks'] as const,
};

export function useOverview() {
  return useQuery({ queryKey: keys.overview, queryFn: () => engineCall((e) => e.overview()) });
}

/** Every decision, by key. */
export function useDecisions() {
  return useQuery({
    queryKey: keys.decisions,
    queryFn: async () => new Map((await getDb().decisions.toArray()).map((d): [string, DecisionRow] => [d.key, d])),
  });
}

export function usePerson(refKey: string) {
  return useQuery({ queryKey: keys.person(refKey), queryFn: () => engineCall((e) => e.person(refKey)) });
}

/** « À faire dans l'ENT »: the accounts to paste or to replace (moves with every link decision). */
export function useWorklist() {
  return useQuery({ queryKey: keys.worklist, queryFn: () => engineCall((e) => e.worklist()) });
}

/** The accounts the admin marked done in the work list, by key. */
export function useWorkMarks() {
  return useQuery({
    queryKey: keys.workmarks,
    queryFn: async () => new Map((await getDb().workmarks.toArray()).map((m): [string, WorkMarkRow] => [m.key, m])),
  });
}

/** For each ambiguous account: the candidates and the facts that tell them apart. */
export function useDecisionFacts() {
  return useQuery({ queryKey: keys.decisionFacts, queryFn: () => engineCall((e) => e.decisionFacts()) });
}
