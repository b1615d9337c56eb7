import { useId, useState } from 'react';
import { fr } from '../i18n/fr.ts';

/**
 * « Pourquoi » in a table cell: two lines, and a button (mouse and keyboard) that shows every
 * reason; the row grows to fit (the virtual table measures it).
 */
export function Reasons({ items, about }: { items: readonly string[]; about: string }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  if (!items.length) return null;
  const text = items.join(' ; ');
  const long = items.length > 2 || text.length > 110;
  return (
    <div className="reasons">
      {open ? (
        <ul id={id} className="reason-list">
          {items.map((r, i) => (
            <li key={i}>{r}</li>
          ))}
        </ul>
      ) : (
        <span id={id} className={long ? 'clamp' : undefined}>
          {text}
        </span>
      )}
      {long && (
        <button
          type="button"
          className="link-button small"
          aria-expanded={open}
          aria-controls={id}
          aria-label={open ? fr.common.readLess(about) : fr.common.readAll(about)}
          onClick={() => setOpen((o) => !o)}
        >
          {open ? fr.common.less : fr.common.more}
        </button>
      )}
    </div>
  );
}
