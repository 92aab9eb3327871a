// The import's writer thread starts here: a worker thread does not inherit the TypeScript loader of the thread
// that started it, so it registers its own (as bin/reestr.js does) before loading the code.
import { register } from 'tsx/esm/api';

register();
await import('./writer-thread-main.ts');
