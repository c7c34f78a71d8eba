/**
 * Who issues a document and under which Rules: the district's authorized body, its seat and the title
 * of the rules version applied — read from the district configuration (src/rules/districts), never
 * written into the templates, so another district's documents name its own body and decision.
 */
import { caseEnv } from '../cases/case-env';
import type { Issuer } from './template';

/** The issuer of documents judged under rules version `rulesVersionId` (default: the newest version). */
export function issuerFor(rulesVersionId?: string | null): Issuer {
  const { config } = caseEnv();
  const versions = config.rulesVersions;
  const v = versions.find((x) => x.id === rulesVersionId) ?? versions[versions.length - 1];
  return {
    body: { kk: config.authorizedBody_kk, ru: config.authorizedBody_ru },
    place: { kk: config.centre_kk ?? config.name_kk, ru: config.centre_ru ?? config.name_ru },
    rules: { kk: v?.title_kk ?? '', ru: v?.title_ru ?? '' },
  };
}
