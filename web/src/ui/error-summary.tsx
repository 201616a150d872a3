// After a failed submit: one alert listing every problem, each linking to its field.
import { useEffect, useRef, type MouseEvent } from 'react';
import { fieldId, type FieldIssue } from '../lib/field-errors.ts';

interface Props {
  title: string;
  detail?: string | undefined;
  issues: readonly FieldIssue[];
  /** Paths that have an input on this form; others are listed without a link. */
  knownFields: readonly string[];
  labels?: Readonly<Record<string, string>>;
}

function focusField(e: MouseEvent, id: string): void {
  const el = document.getElementById(id);
  if (el === null) return;
  e.preventDefault();
  el.focus();
  el.scrollIntoView({ block: 'center' });
}

const fieldOf = (path: string, known: readonly string[]): string | undefined =>
  known.find((f) => path === f || path.startsWith(`${f}[`) || path.startsWith(`${f}.`));

export function ErrorSummary({ title, detail, issues, knownFields, labels = {} }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [issues, title]);
  return (
    <div
      ref={ref}
      className="banner banner--error"
      role="alert"
      tabIndex={-1}
      aria-labelledby="error-summary-title"
    >
      <div>
        <strong id="error-summary-title">{title}</strong>
        {detail !== undefined && detail !== '' && <p>{detail}</p>}
        {issues.length > 0 && (
          <ul>
            {issues.map((i) => {
              const field = fieldOf(i.path, knownFields);
              const name = field !== undefined ? (labels[field] ?? field) : i.path;
              return (
                <li key={`${i.path}:${i.message}`}>
                  {field !== undefined ? (
                    <a href={`#${fieldId(field)}`} onClick={(e) => focusField(e, fieldId(field))}>
                      {name}: {i.message}
                    </a>
                  ) : (
                    <span>
                      {name}: {i.message}
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </div>
  );
}
