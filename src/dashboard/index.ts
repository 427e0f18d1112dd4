export { dashboardRouter, DASHBOARD_ASSETS_DIR, type DashboardOptions } from './dashboard.router';
