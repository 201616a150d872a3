// The reference vocabularies (codes + labels), fetched once per page load and shared.
import { useEffect, useState } from 'react';
import { VocabulariesSchema } from '@contract/orgs.contract.ts';
import type { z } from 'zod';
import { call } from './api-client.ts';

type VocabulariesDto = z.infer<typeof VocabulariesSchema>;
export interface Option {
  code: string;
  label: string;
}

/** Names as served by GET /vocabularies: the coded profile fields plus employeeBands and currencies. */
export type VocabularyName =
  | 'countries'
  | 'languages'
  | 'partnerTypes'
  | 'services'
  | 'products'
  | 'industries'
  | 'customerSizes'
  | 'solutionAreas'
  | 'designations'
  | 'specializations'
  | 'employeeBands'
  | 'currencies';

export interface Vocabularies {
  version: string;
  options: (name: VocabularyName) => readonly Option[];
  label: (name: VocabularyName, code: string) => string;
}

function toVocabularies(dto: VocabulariesDto): Vocabularies {
  const labels = new Map<string, Map<string, string>>(
    Object.entries(dto.vocabularies).map(([name, list]) => [
      name,
      new Map(list.map((o) => [o.code, o.label])),
    ]),
  );
  return {
    version: dto.version,
    options: (name) => dto.vocabularies[name] ?? [],
    label: (name, code) => labels.get(name)?.get(code) ?? code,
  };
}

let pending: Promise<Vocabularies> | null = null;

export function loadVocabularies(): Promise<Vocabularies> {
  pending ??= call('GET', '/vocabularies', VocabulariesSchema).then((r) => toVocabularies(r.data));
  pending.catch(() => {
    pending = null; // let the next caller retry
  });
  return pending;
}

export type VocabState =
  | { status: 'loading' }
  | { status: 'ready'; vocab: Vocabularies }
  | { status: 'error'; error: unknown };

export function useVocabularies(): VocabState {
  const [state, setState] = useState<VocabState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    loadVocabularies().then(
      (vocab) => live && setState({ status: 'ready', vocab }),
      (error: unknown) => live && setState({ status: 'error', error }),
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}
