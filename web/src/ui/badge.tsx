import type { ReactNode } from 'react';

export type BadgeTone = 'neutral' | 'primary' | 'ok' | 'warn' | 'danger' | 'strong';

export function Badge({
  tone = 'neutral',
  children,
  title,
}: {
  tone?: BadgeTone;
  children: ReactNode;
  title?: string;
}) {
  return (
    <span className={tone === 'neutral' ? 'badge' : `badge badge--${tone}`} title={title}>
      {children}
    </span>
  );
}

/** A list of badges (semantic list, so screen readers announce how many). */
export function BadgeList({
  items,
  tone,
  label,
}: {
  items: readonly string[];
  tone?: BadgeTone;
  label: string;
}) {
  if (items.length === 0) return <p className="muted small">None listed</p>;
  return (
    <ul className="badges" aria-label={label}>
      {items.map((item) => (
        <li key={item}>
          <Badge {...(tone === undefined ? {} : { tone })}>{item}</Badge>
        </li>
      ))}
    </ul>
  );
}
