import type { ButtonHTMLAttributes } from 'react';

export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'danger';

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: ButtonVariant;
  small?: boolean;
  block?: boolean;
  busy?: boolean;
};

export function Button({
  variant = 'secondary',
  small,
  block,
  busy,
  className,
  type,
  disabled,
  children,
  ...rest
}: ButtonProps) {
  const cls = [
    'btn',
    `btn--${variant}`,
    small === true ? 'btn--small' : '',
    block === true ? 'btn--block' : '',
    className ?? '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <button
      type={type ?? 'button'}
      className={cls}
      disabled={disabled === true || busy === true}
      aria-busy={busy}
      {...rest}
    >
      {busy === true && <span className="spinner" aria-hidden="true" />}
      {children}
    </button>
  );
}
