export { loadConfig, ConfigError, type Config } from './config';
export { createLogger, type Logger } from './logger';
export { PROJECT_ROOT, VERSION } from './version';
