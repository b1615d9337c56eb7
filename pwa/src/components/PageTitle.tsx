import { useEffect, useRef, type ReactNode } from 'react';

/**
 * The page's h1. It takes the focus when the page opens, so keyboard and screen-reader users
 * land on the new page's title after each navigation, and it sets the document title.
 */
export function PageTitle({ children, text }: { children: ReactNode; text: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${text} – Raccord`;
    // Not on the very first render of the app: the skip link should stay reachable first.
    if (document.body.dataset.navigated) ref.current?.focus();
    document.body.dataset.navigated = '1';
  }, [text]);
  return (
    <h1 ref={ref} tabIndex={-1} className="page-title">
      {children}
    </h1>
  );
}
