/** Typed calls of the national dated parameters API (src/http/routes/admin-national-parameters.ts). */
import { api } from '../../api-client';
import type { Legal } from './admin-api';

export type ValueStatus = 'official' | 'assumed' | 'example';

export type NationalEntry =
  | { origin: 'shipped'; from: string; value: number | null; status: ValueStatus; source: { act: string; clause?: string; note?: string }; superseded: boolean }
  | { origin: 'added'; id: string; from: string; value: number; status: ValueStatus; note: string | null; legal: Legal; createdAt: string; createdBy: string | null; superseded: boolean };

export interface NationalSeries {
  id: string;
  unit: 'tiyn' | 'thousandths' | 'series';
  name_kk: string;
  name_ru: string;
  name_en: string;
  /** The value in force today, or null. */
  today: { from: string; value: number } | null;
  entries: NationalEntry[];
}

export interface NewNationalEntry {
  seriesId: string;
  from: string;
  /** In the series unit: tiyn for money. */
  value: number;
  status: ValueStatus;
  note?: string;
  legal: Legal;
}

export const nationalApi = {
  list: () => api.request<{ series: NationalSeries[] }>('GET', '/api/admin/national-parameters'),
  add: (body: NewNationalEntry) => api.request<{ id: string }>('POST', '/api/admin/national-parameters', body),
};
