// Honest states: loading, empty, error, and banners for outcomes of actions.
import type { ReactNode } from 'react';
import { Button } from './button.tsx';

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="row muted" role="status">
      <span className="spinner" aria-hidden="true" />
      {label}
    </div>
  );
}

export function EmptyState({
  title,
  children,
  action,
}: {
  title: string;
  children?: ReactNode;
  action?: ReactNode;
}) {
  return (
    <div className="empty">
      <h2>{title}</h2>
      {children !== undefined && <div className="muted">{children}</div>}
      {action !== undefined && <div style={{ marginTop: 16 }}>{action}</div>}
    </div>
  );
}

export function ErrorState({
  title = 'Something went wrong',
  message,
  onRetry,
}: {
  title?: string;
  message: string;
  onRetry?: () => void;
}) {
  return (
    <div className="banner banner--error" role="alert">
      <div>
        <strong>{title}</strong>
        <p>{message}</p>
      </div>
      {onRetry !== undefined && (
        <Button small onClick={onRetry}>
          Try again
        </Button>
      )}
    </div>
  );
}

export type BannerTone = 'info' | 'ok' | 'warn' | 'error';

export function Banner({
  tone,
  children,
  actions,
}: {
  tone: BannerTone;
  children: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <div
      className={`banner banner--${tone}`}
      role={tone === 'error' || tone === 'warn' ? 'alert' : 'status'}
    >
      <div>{children}</div>
      {actions !== undefined && <div className="row">{actions}</div>}
    </div>
  );
}
