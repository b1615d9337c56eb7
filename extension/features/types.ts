/**
 * One feature, one folder (after Refined GitHub's feature-per-file model, anchors.md §3.2). The
 * manager runs a feature on the pages it includes, again after DOM changes and SPA navigations;
 * `run` is idempotent, and what it adds to the page carries `data-raccord` and goes away when
 * `signal` aborts (navigation, new plan, extension unloaded).
 */
import type { StoredPlan, FieldLocator } from '../lib/storage';
import type { PlanIndex } from '../lib/people';
import type { PageInfo, PortalAdapter } from '../portals/types';

export interface FeatureEnv {
  doc: Document;
  url: URL;
  adapter: PortalAdapter;
  page: PageInfo;
  /** The plan (null when none, or expired) and its index. */
  stored: StoredPlan | null;
  index: PlanIndex | null;
  /** Fields the admin designated on this origin. */
  designations: Record<string, FieldLocator>;
  signal: AbortSignal;
  /** Ask the manager for a new run (after the feature changed something it depends on). */
  rerun(): void;
}

export interface Feature {
  id: string;
  include(page: PageInfo): boolean;
  run(env: FeatureEnv): void | Promise<void>;
}

/** The attribute every element Raccord adds carries (and that the manager's observer ignores). */
export const OWN_ATTR = 'data-raccord';
