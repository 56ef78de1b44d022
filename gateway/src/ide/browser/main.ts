// The IDE page's script, bundled by esbuild into dist/graphiql/ (bundle.ts): it runs in the
// browser and loads nothing but this gateway's own /graphql.
import { GraphiQL } from 'graphiql';
import type { ExecutionResult } from 'graphql';
import 'graphiql/style.css';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';

/** What the gateway writes into the page (ide.ts, `IdePageConfig`). */
interface PageConfig {
  endpoint: string;
  tabs: Array<{ query: string; variables?: string; headers: string }>;
  headers: string;
}

interface FetcherParams {
  query: string;
  operationName?: string | null;
  variables?: unknown;
}

const element = document.getElementById('giaoviec-ide-config');
const config = JSON.parse(element?.textContent ?? '{}') as PageConfig;

const pageHeaders = JSON.parse(config.headers || '{}') as Record<string, string>;

/**
 * Plain POST of JSON, as dashboards do: the CSRF protection of /graphql accepts it. GraphiQL 4
 * fetches the schema once before its headers editor exists, without headers: the page's then.
 */
async function fetcher(
  params: FetcherParams,
  options?: { headers?: Record<string, unknown> },
): Promise<ExecutionResult> {
  const headers = (options?.headers ?? pageHeaders) as Record<string, string>;
  const response = await fetch(config.endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(params),
  });
  return (await response.json()) as ExecutionResult;
}

const root = document.getElementById('graphiql');
if (root)
  createRoot(root).render(
    createElement(GraphiQL, {
      fetcher,
      defaultTabs: config.tabs,
      defaultHeaders: config.headers,
      // A development token is not worth keeping in the browser's storage.
      shouldPersistHeaders: false,
      defaultEditorToolsVisibility: 'headers',
    }),
  );
