/** Small shared pieces of UI. */
import type { Severity } from '@raccord/core';
import type { ReactNode } from 'react';
import { fr } from '../i18n/fr.ts';
import { href } from '../app/router.ts';
import { PageTitle } from './PageTitle.tsx';

export function SeverityBadge({ severity }: { severity: Severity }) {
  return <span className={`badge badge-${severity}`}>{fr.severity[severity]}</span>;
}

export function Badge({ children, tone = 'neutral' }: { children: ReactNode; tone?: 'neutral' | 'new' | 'ok' | 'warn' | 'error' }) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <section className="empty-state" aria-label={title}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}

export function ErrorBox({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const msg = error instanceof Error ? error.message : String(error);
  return (
    <div className="error-box" role="alert">
      <p>
        <strong>{fr.app.errorTitle}</strong>
      </p>
      <p>{fr.app.errorDetail(msg)}</p>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {fr.app.errorRetry}
        </button>
      )}
    </div>
  );
}

export function Loading() {
  return (
    <p className="loading" role="status">
      {fr.app.loading}
    </p>
  );
}

/** A page with nothing to show before the first import: its title and the way to import. */
export function NoDataPage({ title, message = fr.overview.emptyTitle }: { title: string; message?: string }) {
  return (
    <div className="page">
      <PageTitle text={title}>{title}</PageTitle>
      <EmptyState title={message}>
        <p>{fr.overview.emptyText}</p>
        <a className="button primary" href={href({ name: 'import' })}>
          {fr.overview.goImport}
        </a>
      </EmptyState>
    </div>
  );
}
