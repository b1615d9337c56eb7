import { createRoot } from 'react-dom/client';
import { PeopleSearch } from '../../ui/PeopleSearch';
import '../../ui/styles.css';

createRoot(document.getElementById('root')!).render(
  <main>
    <h1>Raccord</h1>
    <PeopleSearch />
  </main>,
);
