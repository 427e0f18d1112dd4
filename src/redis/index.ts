export {
  connectRedis,
  redactedRedisUrl,
  RedisUnavailableError,
  type RedisLink,
  type RedisSettings,
} from './connection';
export { redisEventTarget } from './event-target';
