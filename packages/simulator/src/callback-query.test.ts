import { describe, expect, it } from 'vitest';
import { appendQuery, buildQuery, encodeFormValue, httpUrlsOf } from './callback-query.ts';

describe('callback encoding', () => {
  it('uses + for spaces and percent-encodes . and : as in eCall documentation', () => {
    expect(encodeFormValue('23.11.2025 14:05:09', 'utf-8')).toBe('23%2E11%2E2025+14%3A05%3A09');
  });
  it('encodes UTF-8 for notifications and Windows-1252 for answers', () => {
    expect(encodeFormValue('é€', 'utf-8')).toBe('%C3%A9%E2%82%AC');
    expect(encodeFormValue('é€Šœ', 'windows-1252')).toBe('%E9%80%8A%9C');
    expect(encodeFormValue('漢', 'windows-1252')).toBe('%3F');
  });
  it('builds ordered pairs and appends with ? or &', () => {
    const query = buildQuery(
      [
        ['Function', 'Notification'],
        ['JobID', 'a b'],
      ],
      'utf-8',
    );
    expect(query).toBe('Function=Notification&JobID=a+b');
    expect(appendQuery('http://h/x', query)).toBe(`http://h/x?${query}`);
    expect(appendQuery('http://h/x?k=1', query)).toBe(`http://h/x?k=1&${query}`);
  });
  it('keeps only HTTP(S) URLs from a notification list', () => {
    expect(httpUrlsOf('0791234567; https://a.example/n ;hans@example.ch;HTTP://b/c')).toEqual([
      'https://a.example/n',
      'HTTP://b/c',
    ]);
    expect(httpUrlsOf(undefined)).toEqual([]);
  });
});
