/**
 * The metrics' labels stay bounded whatever clients send: operation names are a client's
 * choice, so past 200 distinct ones they count as "other", a name that is not a GraphQL name as
 * "invalid", and an outcome that is not an error code as "OTHER".
 */
import { ApiMetrics } from '../../src/api/metrics';

const series = async (metrics: ApiMetrics) =>
  (await metrics.scrape())
    .split('\n')
    .filter((line) => line.startsWith('gdpr_graph_graphql_operations_total{'));

describe('the metrics of GraphQL operations', () => {
  it('keeps at most 200 operation names, then counts the rest as "other"', async () => {
    const metrics = new ApiMetrics();
    for (let i = 0; i < 250; i++) metrics.operation('http', `Op${i}`, 'ok');
    metrics.operation('http', 'Op0', 'ok');
    const lines = await series(metrics);
    expect(lines).toHaveLength(201);
    expect(lines).toContain(
      'gdpr_graph_graphql_operations_total{transport="http",operation="Op0",outcome="ok"} 2',
    );
    expect(lines).toContain(
      'gdpr_graph_graphql_operations_total{transport="http",operation="other",outcome="ok"} 50',
    );
  });

  it('names what a client cannot name itself', async () => {
    const metrics = new ApiMetrics();
    metrics.operation('ws', 'not a name', 'ok');
    metrics.operation('ws', undefined, 'ok');
    metrics.operation('http', 'Fine', 'made up outcome');
    metrics.operation('http', 'Fine', 'RATE_LIMITED');
    expect((await series(metrics)).sort()).toEqual([
      'gdpr_graph_graphql_operations_total{transport="http",operation="Fine",outcome="OTHER"} 1',
      'gdpr_graph_graphql_operations_total{transport="http",operation="Fine",outcome="RATE_LIMITED"} 1',
      'gdpr_graph_graphql_operations_total{transport="ws",operation="anonymous",outcome="ok"} 1',
      'gdpr_graph_graphql_operations_total{transport="ws",operation="invalid",outcome="ok"} 1',
    ]);
  });
});
