export {
  connectRedis,
  redactedRedisUrl,
  RedisUnavailableError,
  type RedisLink,
  type RedisSettings,
} from './connection';
export { redisBusConnection, redisEventTarget, redisListeners } from './event-target';
