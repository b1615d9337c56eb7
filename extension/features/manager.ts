/**
 * Runs the features on a portal page: once the page is recognised by an adapter, again after DOM
 * changes (debounced; our own additions are ignored) and SPA navigations (features' additions
 * are dropped and rebuilt), and when the plan or designations change.
 */
import { detectPage } from '../portals';
import { indexPlan, type PlanIndex } from '../lib/people';
import { loadStoredPlan } from '../lib/plan-store';
import { designationsItem, planItem, type FieldLocator, type StoredPlan } from '../lib/storage';
import { OWN_ATTR, type Feature } from './types';

export interface ManagerHost {
  /** Stops everything (WXT's ctx.onInvalidated). */
  onInvalidated(cb: () => void): void;
  /** Feature errors go here (never to the network). */
  log?(message: string, error: unknown): void;
}

function isOwn(node: Node): boolean {
  const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  return !!el?.closest(`[${OWN_ATTR}]`);
}

/** A mutation batch that only touches what Raccord added: no re-run. */
export function onlyOwnMutations(records: MutationRecord[]): boolean {
  return records.every((r) => {
    if (isOwn(r.target)) return true;
    const nodes = [...Array.from(r.addedNodes), ...Array.from(r.removedNodes)];
    return nodes.length > 0 && nodes.every((n) => n.nodeType === 1 && (n as Element).hasAttribute(OWN_ATTR));
  });
}

export function startFeatures(features: readonly Feature[], host: ManagerHost, doc: Document = document): { runNow(): Promise<void>; stop(): void } {
  let controller = new AbortController();
  let lastUrl = doc.location.href;
  let stored: StoredPlan | null = null;
  let index: PlanIndex | null = null;
  let designations: Record<string, Record<string, FieldLocator>> = {};
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();

  const reset = () => {
    controller.abort();
    controller = new AbortController();
  };

  const runAll = async () => {
    if (stopped) return;
    if (doc.location.href !== lastUrl) {
      lastUrl = doc.location.href;
      reset();
    }
    performance.mark('raccord:run:start');
    const url = new URL(doc.location.href);
    const detected = detectPage(doc, url);
    const pending: Promise<void>[] = [];
    if (detected) {
      const env = {
        doc,
        url,
        adapter: detected.adapter,
        page: detected.page,
        stored,
        index,
        designations: designations[url.origin] ?? {},
        signal: controller.signal,
        rerun: schedule,
      };
      for (const f of features) {
        if (!f.include(detected.page)) continue;
        try {
          const r = f.run(env);
          if (r) pending.push(r.catch((e: unknown) => host.log?.(`feature ${f.id}`, e)));
        } catch (e) {
          host.log?.(`feature ${f.id}`, e);
        }
      }
    }
    // Synchronous work only: what blocks the page. Async parts (fetches) run after.
    performance.measure('raccord:run', 'raccord:run:start');
    await Promise.all(pending);
  };

  function schedule(): void {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(runAll);
    }, 50);
  }

  const observer = new MutationObserver((records) => {
    if (!onlyOwnMutations(records)) schedule();
  });

  const reloadPlan = async () => {
    stored = await loadStoredPlan();
    index = stored ? indexPlan(stored.plan) : null;
  };

  const unwatchPlan = planItem.watch(async () => {
    await reloadPlan();
    reset();
    schedule();
  });
  const unwatchDesignations = designationsItem.watch((v) => {
    designations = v ?? {};
    schedule();
  });
  const onNavigate = () => schedule();
  doc.defaultView?.addEventListener('popstate', onNavigate);
  doc.defaultView?.addEventListener('hashchange', onNavigate);

  const stop = () => {
    stopped = true;
    clearTimeout(timer);
    observer.disconnect();
    unwatchPlan();
    unwatchDesignations();
    doc.defaultView?.removeEventListener('popstate', onNavigate);
    doc.defaultView?.removeEventListener('hashchange', onNavigate);
    controller.abort();
  };
  host.onInvalidated(stop);

  const ready = (async () => {
    await reloadPlan();
    designations = await designationsItem.getValue();
    observer.observe(doc.documentElement, { childList: true, subtree: true });
  })();

  return {
    async runNow() {
      await ready;
      running = running.then(runAll);
      await running;
    },
    stop,
  };
}
