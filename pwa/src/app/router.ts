/**
 * Hash routes: they work offline and on any static server, and the back button behaves.
 */
import { useEffect, useState } from 'react';
import type { AssignmentCategory } from '../lib/assignments.ts';

/** Which findings a rule's list shows (« À traiter » by default). */
export type ReviewStatus = 'todo' | 'new' | 'handled' | 'all';
const REVIEW_SLUG: Record<ReviewStatus, string> = { todo: 'a-traiter', new: 'nouveaux', handled: 'traites', all: 'tous' };

/** What « Liens à décider » lists: a category the overview counts, or a view of its own. */
export type LinksShow = 'todo' | AssignmentCategory | 'decided' | 'all';

/** The address of each list, in French (`#/liens/probables`). */
const LINKS_SLUG: Record<LinksShow, string> = {
  todo: 'a-decider',
  certain: 'certains',
  confirmed: 'confirmes',
  probable: 'probables',
  ambiguous: 'ambigus',
  absent: 'absents-de-pronote',
  unlinked: 'sans-rapprochement',
  decided: 'decides',
  all: 'tous',
};

export type Route =
  | { name: 'home' }
  | { name: 'import' }
  | { name: 'overview' }
  | { name: 'review'; code?: string; status?: ReviewStatus }
  | { name: 'finding'; key: string }
  | { name: 'person'; refKey: string }
  | { name: 'links'; show?: LinksShow }
  | { name: 'worklist' }
  | { name: 'export' }
  | { name: 'letters'; audience: 'pupils' | 'guardians'; division: string }
  | { name: 'data' }
  | { name: 'rentree' };

const enc = encodeURIComponent;

export function href(r: Route): string {
  switch (r.name) {
    case 'home':
      return '#/';
    case 'import':
      return '#/importer';
    case 'overview':
      return '#/apercu';
    case 'review':
      if (!r.code) return '#/constats';
      return r.status && r.status !== 'todo' ? `#/constats/${enc(r.code)}/${REVIEW_SLUG[r.status]}` : `#/constats/${enc(r.code)}`;
    case 'finding':
      return `#/constat/${enc(r.key)}`;
    case 'person':
      return `#/fiche/${enc(r.refKey)}`;
    case 'links':
      return r.show && r.show !== 'todo' ? `#/liens/${LINKS_SLUG[r.show]}` : '#/liens';
    case 'worklist':
      return '#/a-faire-ent';
    case 'export':
      return '#/exports';
    case 'letters':
      return `#/courriers/${r.audience === 'pupils' ? 'eleves' : 'responsables'}/${enc(r.division)}`;
    case 'data':
      return '#/donnees';
    case 'rentree':
      return '#/rentree';
  }
}

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/');
  const [head = '', a, b] = parts;
  const dec = (s: string | undefined) => {
    try {
      return decodeURIComponent(s ?? '');
    } catch {
      return s ?? '';
    }
  };
  switch (head) {
    case 'importer':
      return { name: 'import' };
    case 'apercu':
      return { name: 'overview' };
    case 'constats': {
      if (!a) return { name: 'review' };
      const status = (Object.keys(REVIEW_SLUG) as ReviewStatus[]).find((k) => REVIEW_SLUG[k] === b);
      return status && status !== 'todo' ? { name: 'review', code: dec(a), status } : { name: 'review', code: dec(a) };
    }
    case 'constat':
      return { name: 'finding', key: dec(parts.slice(1).join('/')) };
    case 'fiche':
      return { name: 'person', refKey: dec(parts.slice(1).join('/')) };
    case 'liens': {
      const show = (Object.keys(LINKS_SLUG) as LinksShow[]).find((k) => LINKS_SLUG[k] === a);
      return show && show !== 'todo' ? { name: 'links', show } : { name: 'links' };
    }
    case 'a-faire-ent':
      return { name: 'worklist' };
    case 'exports':
      return { name: 'export' };
    case 'courriers':
      return { name: 'letters', audience: a === 'responsables' ? 'guardians' : 'pupils', division: dec(b) };
    case 'donnees':
      return { name: 'data' };
    case 'rentree':
      return { name: 'rentree' };
    default:
      return { name: 'home' };
  }
}

export function navigate(r: Route): void {
  window.location.hash = href(r);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const on = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return route;
}
