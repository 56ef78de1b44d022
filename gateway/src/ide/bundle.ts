import { resolve } from 'node:path';

/**
 * Where the built IDE lives: gateway/dist/graphiql, from src/ide and from dist/ide alike. Built by
 * the gateway's `build` script (`npm start` builds first); production images keep it but the
 * gateway does not serve it there.
 */
export const IDE_ASSETS = resolve(__dirname, '../../dist/graphiql');
/** The page's script, a source file whether this module runs from src/ or dist/. */
const ENTRY = resolve(__dirname, '../../src/ide/browser/main.ts');

/**
 * Bundles GraphiQL, React and the page's script into `graphiql.js` and `graphiql.css` (fonts and
 * icons are inlined by GraphiQL's own CSS): the page then needs no network but the gateway, as on
 * the closed networks of the provincial offices.
 */
export async function bundleIde(outdir: string = IDE_ASSETS): Promise<void> {
  // Loaded here only: esbuild is a development dependency, absent from production images.
  const { build } = await import('esbuild');
  await build({
    entryPoints: { graphiql: ENTRY },
    outdir,
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    define: { 'process.env.NODE_ENV': '"production"' },
    // Licences of the bundled packages, beside the bundle rather than inside it.
    legalComments: 'linked',
    logLevel: 'warning',
  });
}

if (require.main === module) {
  bundleIde().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
