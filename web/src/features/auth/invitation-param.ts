// The `?invitation=` of an invitation link. Once sign-up or sign-in has used it, it leaves the
// address, so the signed-in app does not offer to accept the same invitation again.
import { navigate } from '../../lib/router.tsx';

export const invitationOf = (search: string): string | undefined =>
  new URLSearchParams(search).get('invitation') ?? undefined;

export function dropInvitationParam(): void {
  const p = new URLSearchParams(window.location.search);
  if (!p.has('invitation')) return;
  p.delete('invitation');
  const qs = p.toString();
  navigate(`${window.location.pathname}${qs === '' ? '' : `?${qs}`}`, { replace: true });
}
