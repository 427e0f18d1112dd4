export { ApiMetrics, type MetricsSources, type Transport } from './metrics';
export { metricsPlugin } from './metrics.plugin';
export { metricsRoute } from './metrics.route';
