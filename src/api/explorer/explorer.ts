/**
 * The in-browser query explorer: GraphiQL served from the project's own node_modules,
 * so that it works with no internet access (Apollo's default landing page loads from a CDN).
 */
import path from 'node:path';
import accepts from 'accepts';
import express, { type Router } from 'express';
import type { Step } from '../graphql-endpoint';

const asset = (pkg: string, file: string): string =>
  path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file);

export const EXAMPLE_QUERY = `# Which plans withheld the right to object to AI training on 12 February 2025,
# on what evidence, and who says otherwise? (The docs are under the book icon.)
query PlansDenyingObjection {
  plansDenyingRight(right: OBJECT, purpose: "ai-model-training", asOf: "2025-02-12") {
    totalCount
    nodes {
      company { name }
      plan { name tier }
      status
      supportingSources { source { publisher url publishedAt } }
      disputes { alternative claimedBy { name } source { publisher url } }
    }
  }
}
`;

function page(endpoint: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8" />
<title>GDPR rights graph: explorer</title>
<link rel="stylesheet" href="/explorer/assets/graphiql.min.css" />
<style>body{margin:0;height:100vh}#graphiql{height:100vh}</style>
</head>
<body>
<div id="graphiql">Loading the explorer...</div>
<script src="/explorer/assets/react.production.min.js"></script>
<script src="/explorer/assets/react-dom.production.min.js"></script>
<script src="/explorer/assets/graphiql.min.js"></script>
<script>
  const fetcher = GraphiQL.createFetcher({ url: ${JSON.stringify(endpoint)} });
  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(GraphiQL, { fetcher, defaultQuery: ${JSON.stringify(EXAMPLE_QUERY)}, defaultEditorToolsVisibility: true }),
  );
</script>
</body>
</html>`;
}

export function explorerRouter(endpoint = '/graphql'): Router {
  const router = express.Router();
  // A Map, not an object: "__proto__" or "constructor" in the URL must not find a file.
  const files = new Map<string, string>([
    ['graphiql.min.css', asset('graphiql', 'graphiql.min.css')],
    ['graphiql.min.js', asset('graphiql', 'graphiql.min.js')],
    ['react.production.min.js', asset('react', 'umd/react.production.min.js')],
    ['react-dom.production.min.js', asset('react-dom', 'umd/react-dom.production.min.js')],
  ]);
  router.get('/explorer/assets/:file', (req, res) => {
    const file = files.get(req.params.file);
    if (!file) {
      res.status(404).end();
      return;
    }
    res.sendFile(file, { maxAge: '1d' });
  });
  const html = page(endpoint);
  router.get('/explorer', (_req, res) => {
    res.type('html').send(html);
  });
  return router;
}

/** A step of the GraphQL endpoint: a browser opening its URL gets the explorer page. */
export function explorerForBrowsers(endpoint = '/graphql'): Step {
  const html = page(endpoint);
  return (req, res, next) => {
    if (req.method !== 'GET' || !wantsPage(req)) {
      next();
      return;
    }
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(html);
  };
}

/** API clients get GraphQL: a page only when HTML is preferred and no query is given. */
function wantsPage(req: Parameters<Step>[0]): boolean {
  const preferred = accepts(req).type([
    'application/json',
    'application/graphql-response+json',
    'text/html',
  ]);
  const search = new URLSearchParams((req.url ?? '').split('?')[1] ?? '');
  return preferred === 'text/html' && !search.get('query');
}
