// The reply's length limit, apart from its zod schema (./comment): the reply form shows it from
// the first paint, while the schema itself is only loaded once the form is used.
export const COMMENT_MAX = 10_000;
