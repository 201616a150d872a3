// Labelled form controls: every input has a visible label, its hint and error are linked by
// aria-describedby, and an invalid input says so (aria-invalid) as well as showing it in red.
import type {
  InputHTMLAttributes,
  ReactNode,
  SelectHTMLAttributes,
  TextareaHTMLAttributes,
} from 'react';
import { fieldId } from '../lib/field-errors.ts';

export interface ControlProps {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby'?: string;
}

interface FieldProps {
  label: string;
  /** The API path of this field ("organization.hqCountry"); gives the input its id. */
  path: string;
  hint?: string | undefined;
  error?: string | undefined;
  children: (control: ControlProps) => ReactNode;
}

export function Field({ label, path, hint, error, children }: FieldProps) {
  const id = fieldId(path);
  const describedBy = [
    hint !== undefined ? `${id}-hint` : '',
    error !== undefined ? `${id}-error` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {hint !== undefined && (
        <span className="field__hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {children({
        id,
        'aria-invalid': error !== undefined,
        ...(describedBy === '' ? {} : { 'aria-describedby': describedBy }),
      })}
      {error !== undefined && (
        <span className="field__error" id={`${id}-error`} data-error-for={path}>
          {error}
        </span>
      )}
    </div>
  );
}

type Common = {
  label: string;
  path: string;
  hint?: string | undefined;
  error?: string | undefined;
};

export function TextField({
  label,
  path,
  hint,
  error,
  ...input
}: Common & Omit<InputHTMLAttributes<HTMLInputElement>, 'id'>) {
  return (
    <Field label={label} path={path} hint={hint} error={error}>
      {(c) => <input className="input" name={path} {...input} {...c} />}
    </Field>
  );
}

export function TextAreaField({
  label,
  path,
  hint,
  error,
  ...input
}: Common & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'>) {
  return (
    <Field label={label} path={path} hint={hint} error={error}>
      {(c) => <textarea className="textarea" name={path} {...input} {...c} />}
    </Field>
  );
}

type SelectFieldProps = Common &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> & {
    options: readonly { code: string; label: string }[];
    /** Label of an empty first option ("Not set"); omitted when a value is required. */
    emptyLabel?: string;
  };

export function SelectField({
  label,
  path,
  hint,
  error,
  options,
  emptyLabel,
  ...select
}: SelectFieldProps) {
  return (
    <Field label={label} path={path} hint={hint} error={error}>
      {(c) => (
        <select className="select" name={path} {...select} {...c}>
          {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
          {options.map((o) => (
            <option key={o.code} value={o.code}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function CheckboxField({
  label,
  path,
  error,
  ...input
}: Omit<Common, 'hint'> & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'type'>) {
  const id = fieldId(path);
  return (
    <div className="field">
      <label className="check" htmlFor={id}>
        <input type="checkbox" id={id} name={path} aria-invalid={error !== undefined} {...input} />
        <span>{label}</span>
      </label>
      {error !== undefined && (
        <span className="field__error" data-error-for={path}>
          {error}
        </span>
      )}
    </div>
  );
}
