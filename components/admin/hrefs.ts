// Builds list URLs from the current filters, dropping empty values, so every figure, tab, sort
// and page link keeps the rest of the view (search, client, …) as it is.

export type ParamValue = string | number | null | undefined | false;

export function hrefWith(
  pathname: string,
  current: Record<string, ParamValue>,
  changes: Record<string, ParamValue> = {},
): string {
  const merged: Record<string, ParamValue> = { ...current, ...changes };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(merged)) {
    if (value === undefined || value === null || value === false || value === '') continue;
    params.set(key, String(value));
  }
  const query = params.toString();
  return query ? `${pathname}?${query}` : pathname;
}

/** The first value of a search param (Next gives string | string[] | undefined). */
export function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Plain object of the first value of every param. */
export function firstOfEach(params: Record<string, string | string[] | undefined>): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(params)) out[key] = first(value);
  return out;
}
