/** Current time as stored in the database: ISO-8601 UTC text. */
export const nowIso = () => new Date().toISOString();
