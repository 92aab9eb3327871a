#!/usr/bin/env node
// The reestr command line. The code is TypeScript, run through tsx (Node 20 cannot strip types itself).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
