import { describe, expect, it } from 'vitest';
import { messagePath, routeOf } from './routes.ts';

describe('routeOf', () => {
  it.each([
    ['', { page: 'messages' }],
    ['messages', { page: 'messages' }],
    ['/messages/', { page: 'messages' }],
    ['health', { page: 'health' }],
    ['messages/01KAQ3R5Z8N6Y2W4T7V9X1B3C5', { page: 'message', id: '01KAQ3R5Z8N6Y2W4T7V9X1B3C5' }],
    ['messages/a b', { page: 'not-found' }],
    ['settings', { page: 'not-found' }],
  ])('maps "%s" to its page', (path, route) => {
    expect(routeOf(path)).toEqual(route);
  });

  it('builds message paths that route back to the same id', () => {
    expect(routeOf(messagePath('order-42_x'))).toEqual({ page: 'message', id: 'order-42_x' });
  });
});
