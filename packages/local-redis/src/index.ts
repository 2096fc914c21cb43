export { pingRedis } from './ping.ts';
export {
  freePort,
  hasRedisServer,
  type LocalRedisServer,
  type RedisServerOptions,
  startRedisServer,
} from './server.ts';
