/** The time-off endpoints: time-off periods (paged by page number, not by record) and their types. */
import { renderTimeOff, renderTimeOffType } from './attributes';
import type { Company } from './company';
import { INVALID, envelope, ok, type Reply } from './replies';
import { intParam } from './request-parsing';
import { formatTimestamp, parseDate } from './time';

const TIME_OFFS_MAX_LIMIT = 200;

export function listTimeOffs(company: Company, params: URLSearchParams): Reply {
  const limit = intParam(params, 'limit', TIME_OFFS_MAX_LIMIT);
  if (limit === null || limit < 1 || limit > TIME_OFFS_MAX_LIMIT) return INVALID(`The limit must be between 1 and ${TIME_OFFS_MAX_LIMIT}.`);
  // Personio counts time-off pages from 1 and reads offset=0 as page 1 (api-docs PR #82): so
  // asking for 0 and then 1 returns the first page twice.
  const offset = intParam(params, 'offset', 0);
  if (offset === null) return INVALID('The offset must be a non-negative integer.');
  const page = Math.max(1, offset);
  const dates: Record<string, string | undefined> = {};
  for (const name of ['start_date', 'end_date', 'updated_from', 'updated_to']) {
    const value = params.get(name);
    if (value === null || value === '') continue;
    try {
      parseDate(value);
    } catch {
      return INVALID(`The ${name} must be a date (YYYY-MM-DD).`);
    }
    dates[name] = value;
  }
  const ids = params.getAll('employees[]');
  // Repeat form only (employees[]=1&employees[]=2); a comma list is rejected (api-docs issue #29).
  if (ids.some((v) => !/^\d+$/.test(v.trim()))) return INVALID('The employees[] values must be employee ids, one per parameter.');
  const employees = ids.length > 0 ? new Set(ids.map(Number)) : undefined;
  const { start_date: start, end_date: end, updated_from: from, updated_to: to } = dates;
  const list = company.timeOffs.filter((t) => {
    if (start && t.endDate < start) return false;
    if (end && t.startDate > end) return false;
    if (employees && !employees.has(t.employeeId)) return false;
    const updated = formatTimestamp(t.updatedAt).slice(0, 10);
    if (from && updated < from) return false;
    if (to && updated > to) return false;
    return true;
  });
  const total = list.length;
  return ok({
    success: true,
    metadata: { total_elements: total, current_page: page, total_pages: Math.ceil(total / limit) },
    offset,
    limit,
    data: list.slice((page - 1) * limit, page * limit).map((t) => renderTimeOff(t, company)),
  });
}

export function oneTimeOff(company: Company, id: number): Reply {
  const t = company.timeOffs.find((x) => x.id === id);
  if (!t) return envelope(404, 404, 'The absence period was not found.');
  return ok({ success: true, data: renderTimeOff(t, company) });
}

export function timeOffTypes(company: Company, params: URLSearchParams): Reply {
  const limit = intParam(params, 'limit', 200);
  const offset = intParam(params, 'offset', 0);
  if (limit === null || limit < 1 || offset === null) return INVALID('The limit must be a positive integer and the offset a non-negative integer.');
  return ok({ success: true, data: company.timeOffTypes.slice(offset, offset + limit).map((t) => renderTimeOffType(t, company)) });
}
