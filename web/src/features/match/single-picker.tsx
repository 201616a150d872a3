// The vocabulary picker holding one code: choosing another value replaces the current one.
import type { Option } from '../../lib/vocabularies.ts';
import { VocabularyPicker } from '../../ui/vocabulary-picker.tsx';

interface Props {
  label: string;
  path: string;
  options: readonly Option[];
  value: string;
  onChange: (code: string) => void;
  error?: string | undefined;
  hint?: string | undefined;
}

export function SinglePicker({ label, path, options, value, onChange, error, hint }: Props) {
  return (
    <VocabularyPicker
      label={label}
      path={path}
      options={options}
      value={value === '' ? [] : [value]}
      onChange={(next) => onChange(next.find((c) => c !== value) ?? next[0] ?? '')}
      error={error}
      hint={hint}
    />
  );
}
