export {
  connectRedis,
  redactedRedisUrl,
  RedisUnavailableError,
  type RedisLink,
  type RedisSettings,
} from './connection';
export { redisEventTarget, redisListeners } from './event-target';
