/**
 * The console's API types (web/src/api/schema.gen.ts) are generated from /api/openapi.json with openapi-typescript.
 * This regenerates them from the app and compares with the committed file, so a changed answer fails here (and
 * then in the console's type check), not in the page. To update the file after changing a route:
 *   UPDATE_API_TYPES=1 bash scripts/test.sh --project db tests/db/api-types.test.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { testApp } from '../support/test-app.js';

const FILE = fileURLToPath(new URL('../../web/src/api/schema.gen.ts', import.meta.url));
const HEADER = '/* Generated from /api/openapi.json by openapi-typescript (tests/db/api-types.test.ts). Do not edit. */\n';

let t: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t?.close());

it('the committed API types are those of the current OpenAPI document', async () => {
  const doc = await (await t.app.request('/api/openapi.json')).json();
  const generated = HEADER + astToString(await openapiTS(doc, { alphabetize: true }));
  if (process.env.UPDATE_API_TYPES === '1') writeFileSync(FILE, generated);
  expect(readFileSync(FILE, 'utf8'), 'web/src/api/schema.gen.ts is stale: regenerate it (see this file)').toBe(generated);
});
