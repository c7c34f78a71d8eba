/** Typed calls of the district-administration API (src/http/routes/admin-rules.ts) for the admin pages. */
import { api } from '../../api-client';

export type Lifecycle = 'draft' | 'approved' | 'scheduled' | 'in-force' | 'archived' | 'withdrawn';
export interface Legal {
  act: string;
  number: string;
  date: string;
  clause: string;
}
export interface RulesVersionRow {
  id: string;
  code: string;
  status: string;
  lifecycle: Lifecycle;
  effectiveFrom: string;
  basedOn: string | null;
  legal: Legal;
  createdAt: string;
  approvedAt: string | null;
  scheduledAt: string | null;
  version: number;
  exampleCount: number;
}
export interface SeriesEntry {
  from: string;
  until?: string;
  value: number | string | null;
  status: 'official' | 'assumed' | 'example';
  source: { act: string; clause?: string; note?: string };
  note?: string;
}
export interface Series {
  id: string;
  unit: 'tiyn' | 'thousandths' | 'series';
  name_kk: string;
  name_ru: string;
  name_en: string;
  entries: SeriesEntry[];
}
export interface CategoryData {
  code: string;
  name_kk: string;
  name_ru: string;
  name_en: string;
  ground: string | null;
  periodicity: string;
  amountRule: Record<string, unknown> & { kind: string };
  incomeTest: { required: boolean; thresholdMultiple?: number };
  requiredDocuments: { code: string; name_kk: string; name_ru: string }[];
  applicationTimeLimitDays?: number;
  maxTimesPerYear?: number;
  limitParameter?: string;
  legalReference: { act: string; clause?: string };
  versions?: string[];
  example: boolean;
  note?: string;
}
/** A holiday or memorable date of p.5: day of the year (MM-DD), names, categories entitled, one-time amount. */
export interface HolidayData {
  date: string;
  name_kk: string;
  name_ru: string;
  categories: string[];
  amountRule: Record<string, unknown> & { kind: string };
  example: boolean;
  note?: string;
}
export interface DistrictConfigData {
  code: string;
  name_kk: string;
  name_ru: string;
  rulesVersions: { id: string; effectiveFrom: string }[];
  categories: CategoryData[];
  holidays: HolidayData[];
  ruralDistricts: { code: string; name_kk: string; name_ru: string; example: boolean }[];
  parameters: { thresholdMultiple: string; subsistenceMinimumSeries: string };
  series: Series[];
}
export interface ImpactCellSide {
  households: number;
  persons: number;
  yearlyCostTiyn: number;
}
export interface Impact {
  id: string;
  draftCode: string;
  currentCode: string;
  asOf: string;
  incomeQuarter: string;
  households: number;
  categories: string[];
  current: { rulesVersion: string; eligibleHouseholds: number; eligiblePersons: number; yearlyCostTiyn: number; thresholdTiyn: Record<string, number> };
  draft: { rulesVersion: string; eligibleHouseholds: number; eligiblePersons: number; yearlyCostTiyn: number; thresholdTiyn: Record<string, number> };
  gained: number;
  lost: number;
  cells: { category: string; ruralDistrictId: string; current: ImpactCellSide; draft: ImpactCellSide }[];
  budget: { available: boolean; year: number; allocatedTiyn: number | null; committedTiyn: number | null };
  seconds: { total: number };
}
export interface ImpactChange {
  householdId: string;
  category: string;
  change: 'gained' | 'lost';
  ruralDistrictId: string;
  members: number;
  perCapitaTiyn: number;
  amountTiyn: number;
  headName: string | null;
  headIin: string | null;
  address: string | null;
}
export interface HistoryEntry {
  at: string;
  action: string;
  targetId: string | null;
  actor: string | null;
  role: string | null;
  payload: unknown;
}

export interface RuralDistrictRow {
  id: string;
  name_kk: string;
  name_ru: string;
  example: boolean;
  legal: Legal | null;
  changedAt: string | null;
  changedBy: string | null;
  akims: number;
}

export const adminApi = {
  versions: () => api.request<{ versions: RulesVersionRow[] }>('GET', '/api/admin/rules-versions'),
  version: (id: string) => api.request<{ version: RulesVersionRow; config: DistrictConfigData }>('GET', `/api/admin/rules-versions/${id}`),
  createDraft: (body: { code: string; effectiveFrom: string; legal: Legal }) => api.request<{ version: RulesVersionRow }>('POST', '/api/admin/rules-versions', body),
  edit: (id: string, body: { edit: unknown; legal: Legal; expectedVersion?: number }) => api.request<{ version: RulesVersionRow }>('POST', `/api/admin/rules-versions/${id}/edits`, body),
  approve: (id: string) => api.request<{ version: RulesVersionRow }>('POST', `/api/admin/rules-versions/${id}/approve`),
  schedule: (id: string, effectiveFrom?: string) => api.request<{ version: RulesVersionRow }>('POST', `/api/admin/rules-versions/${id}/schedule`, effectiveFrom ? { effectiveFrom } : {}),
  withdraw: (id: string) => api.request<{ version: RulesVersionRow }>('POST', `/api/admin/rules-versions/${id}/withdraw`),
  importFile: (fileName: string, config: unknown) => api.request<{ version: RulesVersionRow }>('POST', '/api/admin/rules-versions/import', { fileName, config }),
  impact: (id: string) => api.request<{ impact: Impact; changes: ImpactChange[] }>('POST', `/api/admin/rules-versions/${id}/impact`),
  history: (targetId?: string) => api.request<{ entries: HistoryEntry[] }>('GET', '/api/admin/history', undefined, { targetType: 'rules_version', targetId }),
  overrides: () => api.request<{ overrides: { id: string; date: string; kind: string; name_kk: string; name_ru: string; source: string }[] }>('GET', '/api/admin/calendar-overrides'),
  ruralDistricts: () => api.request<{ ruralDistricts: RuralDistrictRow[] }>('GET', '/api/admin/rural-districts'),
  addRuralDistrict: (body: { code: string; name_kk: string; name_ru: string; legal: Legal }) => api.request<{ id: string }>('POST', '/api/admin/rural-districts', body),
  renameRuralDistrict: (id: string, body: { name_kk: string; name_ru: string; legal: Legal }) => api.request<{ id: string }>('PUT', `/api/admin/rural-districts/${id}`, body),
  districtHistory: () => api.request<{ entries: HistoryEntry[] }>('GET', '/api/admin/history', undefined, { targetType: 'rural_district' }),
  removeOverride: (id: string, legal: Legal) => api.request<{ ok: boolean }>('DELETE', `/api/admin/calendar-overrides/${id}`, { legal }),
  addOverride: (body: { date: string; kind: string; name_kk: string; name_ru: string; legal: Legal }) => api.request<{ id: string }>('POST', '/api/admin/calendar-overrides', body),
};
