import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { PeopleSearch } from '../../ui/PeopleSearch';
import '../../ui/styles.css';

function Popup() {
  const openSidePanel = async () => {
    const win = await browser.windows.getCurrent();
    if (win.id !== undefined) await browser.sidePanel?.open({ windowId: win.id });
  };
  return (
    <main>
      <h1>Raccord</h1>
      <PeopleSearch />
      <div className="row">
        <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
          Options
        </button>
        {browser.sidePanel ? (
          <button type="button" onClick={() => void openSidePanel()}>
            Ouvrir dans le panneau latéral
          </button>
        ) : null}
      </div>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(<Popup />);
