import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'graphql';

import { canonicalOperations, contractFiles, type PersistedOperation } from './operations';
import { MANIFEST_FORMAT, type PersistedQueryManifest } from './safelist';

/**
 * The safelist of the contract's operations and of any other `.graphql` files (each file holds
 * its operations with the fragments they use), in Apollo's persisted query list format.
 */
export function safelistManifest(extraFiles: string[] = [], contractDir?: string): PersistedQueryManifest {
  const byName = new Map<string, PersistedOperation & { file: string }>();
  for (const file of [...contractFiles(contractDir), ...extraFiles]) {
    for (const operation of canonicalOperations(parse(readFileSync(file, 'utf8')))) {
      if (!operation.name) throw new Error(`${file}: name every operation (clients and logs refer to it by name)`);
      const known = byName.get(operation.name);
      if (known && known.body !== operation.body)
        throw new Error(`${operation.name} is defined differently in ${known.file} and ${file}`);
      byName.set(operation.name, { ...operation, file });
    }
  }
  const operations = [...byName.values()]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map(({ id, name, type, body }) => ({ id, name, type, body }));
  return { format: MANIFEST_FORMAT, version: 1, operations };
}

/** `npm run safelist -- [--out safelist.json] [more.graphql ...]`: writes the manifest for OPERATION_SAFELIST. */
function main(args: string[]): void {
  // npm runs scripts from the root: paths are the caller's.
  const base = process.env.INIT_CWD ?? process.cwd();
  let out = 'safelist.json';
  const extra: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    if (arg === '--out') {
      out = args[i + 1] ?? out;
      i += 1;
    } else extra.push(resolve(base, arg));
  }
  const manifest = safelistManifest(extra);
  const path = resolve(base, out);
  writeFileSync(path, JSON.stringify(manifest, null, 2) + '\n');
  process.stdout.write(`${manifest.operations.length} operations written to ${path}\n`);
}

if (require.main === module) {
  try {
    main(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
