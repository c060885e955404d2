/**
 * PostgreSQL's SQLSTATE of a failed query, whichever driver raised it: pg puts it on the error,
 * drizzle wraps that error and keeps it as `cause` (PGlite answers with the same codes).
 */
export function sqlState(error: unknown): string | undefined {
  const e = error as { code?: unknown; cause?: { code?: unknown } } | null | undefined;
  const code = e?.code ?? e?.cause?.code;
  return typeof code === "string" ? code : undefined;
}

/** A unique index refused the row (23505): the caller says which rule that was. */
export const isUniqueViolation = (error: unknown): boolean => sqlState(error) === "23505";
