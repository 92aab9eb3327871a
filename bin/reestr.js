#!/usr/bin/env -S node --max-semi-space-size=64
// The reestr command line. The code is TypeScript: it runs from the bundle scripts/server-bundle.mjs keeps in
// dist/server (rebuilt when src/ changes), or through tsx when no bundle can be built (Node 20 cannot strip types).
// --max-semi-space-size=64: a 64 MB young generation, so the batches of an import die young instead of being copied
// and promoted (the ПП 719 import of 1M rows takes a fifth less time). `npm start` gives the server 32 MB: half the
// garbage-collection time of searches for about 40 MB more memory at peak.
import { serverBundle } from '../scripts/server-bundle.mjs';

const bundle = await serverBundle();
if (bundle) {
  // stack traces name the TypeScript sources
  process.setSourceMapsEnabled(true);
  await import(bundle);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli.ts');
}
