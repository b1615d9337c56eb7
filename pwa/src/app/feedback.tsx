/**
 * Feedback after an action: a visible message, read out by screen readers (role="status"),
 * with an optional action such as « Annuler ».
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { fr } from '../i18n/fr.ts';

interface Notice {
  id: number;
  text: string;
  tone: 'info' | 'error';
  action?: { label: string; run: () => void };
}

interface FeedbackApi {
  notify(text: string, opts?: { tone?: Notice['tone']; action?: Notice['action'] }): void;
}

const Ctx = createContext<FeedbackApi>({ notify: () => {} });

export function useFeedback(): FeedbackApi {
  return useContext(Ctx);
}

export function FeedbackProvider({ children }: { children: ReactNode }) {
  const [notice, setNotice] = useState<Notice | null>(null);
  const counter = useRef(0);
  const notify = useCallback<FeedbackApi['notify']>((text, opts) => {
    counter.current += 1;
    setNotice({ id: counter.current, text, tone: opts?.tone ?? 'info', ...(opts?.action ? { action: opts.action } : {}) });
  }, []);
  useEffect(() => {
    if (!notice) return;
    const t = window.setTimeout(() => setNotice((n) => (n?.id === notice.id ? null : n)), notice.action ? 12000 : 7000);
    return () => window.clearTimeout(t);
  }, [notice]);
  const api = useMemo(() => ({ notify }), [notify]);
  return (
    <Ctx.Provider value={api}>
      {children}
      <div className="feedback" role="status" aria-live="polite" aria-atomic="true">
        {notice && (
          <div className={`feedback-box feedback-${notice.tone}`} key={notice.id}>
            <span>{notice.text}</span>
            {notice.action && (
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  notice.action!.run();
                  setNotice(null);
                }}
              >
                {notice.action.label}
              </button>
            )}
            <button type="button" className="icon-button" aria-label={fr.common.close} onClick={() => setNotice(null)}>
              ×
            </button>
          </div>
        )}
      </div>
    </Ctx.Provider>
  );
}
