// Helpers for raw SQL text. Pure; kept beside the queries that use them.

/** `q` with LIKE's own wildcards (%, _) and the escape character (\, PostgreSQL's default) taken literally. */
export function escapeLike(q: string): string {
  return q.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A LIKE/ILIKE pattern matching `q` anywhere in the text. */
export function likePattern(q: string): string {
  return `%${escapeLike(q)}%`;
}

/** A LIKE/ILIKE pattern matching text that starts with `q`. */
export function prefixLikePattern(q: string): string {
  return `${escapeLike(q)}%`;
}
