// The non-ready states of a Load, rendered the same way on every deal page.
import type { ReactNode } from 'react';
import { Link } from '../../../lib/router.tsx';
import { EmptyState, ErrorState, Loading } from '../../../ui/states.tsx';
import type { Load } from './use-load.ts';

export function LoadView<T>({
  load,
  what,
  back,
  onRetry,
  children,
}: {
  load: Load<T>;
  /** "referral", "agreement": used in the messages. */
  what: string;
  back: { to: string; label: string };
  onRetry: () => void;
  children: (data: T) => ReactNode;
}) {
  switch (load.status) {
    case 'loading':
      return <Loading label={`Loading ${what}…`} />;
    case 'missing':
      return (
        <EmptyState title={`No such ${what}`} action={<Link to={back.to}>{back.label}</Link>}>
          It does not exist, or your organization is not party to it.
        </EmptyState>
      );
    case 'error':
      return <ErrorState title={`Cannot load ${what}`} message={load.message} onRetry={onRetry} />;
    case 'ready':
      return <>{children(load.data)}</>;
  }
}
