/**
 * The dashboard's API types, generated from the OpenAPI document (issue 15: one field, one edit).
 *
 *   npm run contract:types   writes web/src/api-types.ts
 *   npm run contract:check   fails when web/src/api-types.ts is not what generation gives
 *                            (run by `npm run lint`; test/contract.test.ts checks the same)
 *
 * The document (api/openapi.ts, assembled from api/contract/) is written to a temporary file,
 * openapi-typescript turns it into types, and prettier formats them with the project's settings.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { buildOpenApiDocument } from '../api/openapi';

export const API_TYPES_PATH = path.join(__dirname, '..', 'web', 'src', 'api-types.ts');

const HEADER = `/**
 * GENERATED from the OpenAPI document (api/openapi.ts, assembled from api/contract/) by
 * \`npm run contract:types\`: do not edit. \`npm run contract:check\` fails when it is out of date.
 */
/* eslint-disable -- generated code, as openapi-typescript writes it */
`;

/**
 * openapi-typescript's programmatic API (openapiTS, astToString) on the document file, then
 * prettier with the settings of web/src/api-types.ts. openapi-typescript is an ES module (its
 * CommonJS build requires ES modules): it runs in a child Node process, so Jest's CommonJS can
 * use this too (as test/openapi.test.ts runs the OpenAPI validator).
 */
const GENERATE = `
  import { pathToFileURL } from 'node:url';
  import openapiTS, { astToString } from 'openapi-typescript';
  import * as prettier from 'prettier';
  const [documentFile, target, header] = process.argv.slice(1);
  const ast = await openapiTS(pathToFileURL(documentFile), { silent: true });
  const options = (await prettier.resolveConfig(target)) ?? {};
  process.stdout.write(await prettier.format(header + astToString(ast), { ...options, filepath: target }));`;

/** The TypeScript types of an OpenAPI document, formatted as web/src/api-types.ts is. */
export async function generateApiTypes(document: Record<string, unknown> = buildOpenApiDocument()): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'contract-types-'));
  try {
    const file = path.join(dir, 'openapi.json');
    await writeFile(file, JSON.stringify(document, null, 1));
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--input-type=module', '-e', GENERATE, file, API_TYPES_PATH, HEADER],
      { cwd: path.join(__dirname, '..'), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    return stdout;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const generated = await generateApiTypes();
  const shown = path.relative(process.cwd(), API_TYPES_PATH);
  if (process.argv.includes('--check')) {
    const committed = await readFile(API_TYPES_PATH, 'utf8').catch(() => null);
    if (committed !== generated) {
      console.error(`${shown} is out of date: run npm run contract:types`);
      process.exitCode = 1;
      return;
    }
    console.log(`${shown} is up to date`);
    return;
  }
  await writeFile(API_TYPES_PATH, generated);
  console.log(`wrote ${shown}`);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
