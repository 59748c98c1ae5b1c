// Reading Next's `searchParams` (values may be a string, an array or missing) safely.

export type SearchParams = Record<string, string | string[] | undefined>;

/** The first value of a query parameter, trimmed; undefined when missing or empty. */
export function one(value: string | string[] | undefined): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  const t = v?.trim();
  return t ? t : undefined;
}

/** Every value of a query parameter that is in `allowed` (duplicates removed). */
export function many<T extends string>(value: string | string[] | undefined, allowed: readonly T[]): T[] {
  const values = Array.isArray(value) ? value : value ? [value] : [];
  return [...new Set(values.filter((v): v is T => (allowed as readonly string[]).includes(v)))];
}

/** `value` when it is one of `allowed`, else `fallback`. */
export function oneOf<T extends string>(value: string | string[] | undefined, allowed: readonly T[], fallback: T): T {
  const v = one(value);
  return v && (allowed as readonly string[]).includes(v) ? (v as T) : fallback;
}
