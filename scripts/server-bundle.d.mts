/** Types of server-bundle.mjs (plain JavaScript: bin/reestr.js loads it before any TypeScript loader). */
export function serverBundle(root?: string): Promise<string | null>;
export function newestMtime(dir: string, skip?: string[]): number;
