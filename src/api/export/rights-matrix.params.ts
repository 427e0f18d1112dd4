/**
 * The rights-matrix export's parameters, from a query string or the command line, checked
 * once with messages that name the parameter. The API checks them again; these catch the
 * mistakes before a query is sent and say them in the export's own words.
 */
import { AppError } from '../../errors';
import { IsoDate } from '../../graph/bundle.schema';
import { GDPR_RIGHTS, type GdprRight } from '../../graph/model';

export interface RightsMatrixParams {
  /** YYYY-MM-DD; today (UTC) when absent, as in the API. */
  asOf?: string;
  purpose?: string;
  companies?: string[];
  rights?: GdprRight[];
}

/** What a query string or argv may hold for one parameter. */
export type RawValue = string | string[] | undefined;

const MAX_LIST = 100;

function single(name: string, value: RawValue): string | undefined {
  if (Array.isArray(value)) {
    if (value.length > 1)
      throw new AppError('BAD_USER_INPUT', `${name}: give it once, got ${value.length} values`, {
        argument: name,
      });
    value = value[0];
  }
  if (value === undefined || value.trim() === '') return undefined;
  return value.trim();
}

/** "a,b" and repeated parameters alike. */
function list(name: string, value: RawValue): string[] | undefined {
  if (value === undefined) return undefined;
  const items = (Array.isArray(value) ? value : [value])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
  if (items.length > MAX_LIST) {
    throw new AppError(
      'BAD_USER_INPUT',
      `${name}: at most ${MAX_LIST} values, got ${items.length}`,
      {
        argument: name,
      },
    );
  }
  return items.length > 0 ? items : undefined;
}

type ParamName = 'asOf' | 'purpose' | 'companies' | 'rights';

/**
 * Checks the raw values; `names` are how the caller spells the parameters in messages
 * (the command line says --as-of where the query string says asOf).
 */
export function parseRightsMatrixParams(
  raw: Partial<Record<ParamName, RawValue>>,
  names: Record<ParamName, string> = {
    asOf: 'asOf',
    purpose: 'purpose',
    companies: 'companies',
    rights: 'rights',
  },
): RightsMatrixParams {
  const params: RightsMatrixParams = {};
  const asOf = single(names.asOf, raw.asOf);
  if (asOf !== undefined) {
    if (!IsoDate.safeParse(asOf).success) {
      throw new AppError(
        'BAD_USER_INPUT',
        `${names.asOf} must be a calendar date as YYYY-MM-DD (e.g. 2025-02-01), got ${JSON.stringify(asOf)}`,
        { argument: names.asOf },
      );
    }
    params.asOf = asOf;
  }
  const purpose = single(names.purpose, raw.purpose);
  if (purpose !== undefined) params.purpose = purpose;
  const companies = list(names.companies, raw.companies);
  if (companies) params.companies = companies;
  const rights = list(names.rights, raw.rights);
  if (rights) {
    const known = new Set<string>(GDPR_RIGHTS);
    const unknown = rights.filter((r) => !known.has(r));
    if (unknown.length > 0) {
      throw new AppError(
        'BAD_USER_INPUT',
        `${names.rights}: unknown ${unknown.map((r) => JSON.stringify(r)).join(', ')}; expected some of ${GDPR_RIGHTS.join(', ')}`,
        { argument: names.rights },
      );
    }
    params.rights = rights as GdprRight[];
  }
  return params;
}
