import { fr } from '../i18n/fr.ts';
import { useOverview } from '../lib/queries.ts';
import { FeedbackProvider } from './feedback.tsx';
import { href, useRoute, type Route } from './router.ts';
import { ImportPage } from '../features/import/ImportPage.tsx';
import { OverviewPage } from '../features/overview/OverviewPage.tsx';
import { RulesPage } from '../features/review/RulesPage.tsx';
import { RuleFindingsPage } from '../features/review/RuleFindingsPage.tsx';
import { FindingPage } from '../features/review/FindingPage.tsx';
import { PersonPage } from '../features/person/PersonPage.tsx';
import { LinksPage } from '../features/links/LinksPage.tsx';
import { ExportPage } from '../features/export/ExportPage.tsx';
import { LettersPage } from '../features/export/LettersPage.tsx';
import { DataPage } from '../features/data/DataPage.tsx';
import { WorklistPage } from '../features/worklist/WorklistPage.tsx';
import { useBridge } from '../features/bridge/useBridge.ts';
import { ExtensionStatus } from '../features/bridge/ExtensionStatus.tsx';
import { RentreePage } from '../features/rentree/RentreePage.tsx';
import { rentreeFr } from '../features/rentree/strings.ts';
import { Loading } from '../components/ui.tsx';

const NAV: { route: Route; label: string; match: Route['name'][] }[] = [
  { route: { name: 'import' }, label: fr.nav.import, match: ['import'] },
  { route: { name: 'overview' }, label: fr.nav.overview, match: ['overview'] },
  { route: { name: 'rentree' }, label: rentreeFr.nav, match: ['rentree'] },
  { route: { name: 'review' }, label: fr.nav.review, match: ['review', 'finding', 'person'] },
  { route: { name: 'links' }, label: fr.nav.links, match: ['links'] },
  { route: { name: 'worklist' }, label: fr.nav.worklist, match: ['worklist'] },
  { route: { name: 'export' }, label: fr.nav.export, match: ['export', 'letters'] },
  { route: { name: 'data' }, label: fr.nav.data, match: ['data'] },
];

function Page({ route }: { route: Route }) {
  const overview = useOverview();
  switch (route.name) {
    case 'home':
      if (overview.isPending) return <Loading />;
      return overview.data?.result ? <OverviewPage /> : <ImportPage />;
    case 'import':
      return <ImportPage />;
    case 'overview':
      return <OverviewPage />;
    case 'review':
      return route.code ? <RuleFindingsPage code={route.code} status={route.status ?? 'todo'} /> : <RulesPage />;
    case 'finding':
      return <FindingPage findingKey={route.key} />;
    case 'person':
      return <PersonPage refKey={route.refKey} />;
    case 'links':
      return <LinksPage show={route.show ?? 'todo'} />;
    case 'worklist':
      return <WorklistPage />;
    case 'export':
      return <ExportPage />;
    case 'letters':
      return <LettersPage audience={route.audience} division={route.division} />;
    case 'data':
      return <DataPage />;
    case 'rentree':
      return <RentreePage />;
  }
}

function Header({ route }: { route: Route }) {
  const overview = useOverview();
  const school = overview.data?.school;
  // The home page is the overview once there are data, the import page before.
  const current: Route['name'] = route.name === 'home' ? (overview.data?.result ? 'overview' : 'import') : route.name;
  return (
    <header className="app-header no-print">
      <div className="brand">
        <a href={href({ name: 'home' })} className="brand-link">
          <img src="/icon.svg" alt="" width="32" height="32" />
          <span>{fr.app.name}</span>
        </a>
        <span className="school-line">{school ? fr.app.schoolLine(school.uai, school.name, school.schoolYear) : fr.app.noSchool}</span>
        <ExtensionStatus />
        {overview.isFetching && !overview.isPending && (
          <span className="busy-line" role="status">
            {fr.app.recomputing}
          </span>
        )}
      </div>
      <nav aria-label={fr.nav.label}>
        <ul>
          {NAV.map((n) => {
            const active = n.match.includes(current);
            return (
              <li key={n.route.name}>
                <a href={href(n.route)} aria-current={active ? 'page' : undefined}>
                  {n.label}
                </a>
              </li>
            );
          })}
        </ul>
      </nav>
    </header>
  );
}

function Bridge() {
  useBridge();
  return null;
}

export function App() {
  const route = useRoute();
  return (
    <FeedbackProvider>
      <Bridge />
      <a
        className="skip-link no-print"
        href="#contenu"
        onClick={(e) => {
          // The hash holds the route: move the focus without touching it.
          e.preventDefault();
          document.getElementById('contenu')?.focus();
        }}
      >
        {fr.app.skip}
      </a>
      <Header route={route} />
      <main id="contenu" tabIndex={-1}>
        <Page route={route} />
      </main>
      <footer className="app-footer no-print">
        <p>{fr.app.privacy}</p>
      </footer>
    </FeedbackProvider>
  );
}
