import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../testing/harness.ts';

const ROUTES = [
  'post /v1/sms',
  'post /v1/fax',
  'post /v1/voice',
  'post /v1/messages/batch',
  'get /v1/messages',
  'get /v1/messages/{id}',
  'delete /v1/messages/{id}',
  'get /v1/admin/account',
  'post /v1/admin/account/resume',
  'get /health',
];

interface OpenApiDocument {
  openapi: string;
  paths: Record<
    string,
    Record<
      string,
      {
        security?: unknown[];
        responses: Record<string, unknown>;
        parameters?: unknown[];
        requestBody?: unknown;
      }
    >
  >;
  components: { securitySchemes: Record<string, { type: string; scheme: string }> };
}

describe('API description and docs', () => {
  let h: Harness;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    h = createHarness();
    server = createAdaptorServer({ fetch: h.app.fetch }) as Server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await h.close();
  });

  it('serves a valid OpenAPI 3.1 document listing every route with both security schemes', async () => {
    const res = await fetch(`${base}/openapi.json`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as OpenApiDocument;
    const validator = new Validator();
    const result = await validator.validate(structuredClone(doc) as unknown as Record<string, unknown>);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
    const listed = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.keys(item).map((m) => `${m} ${path}`),
    );
    expect(listed.sort()).toEqual([...ROUTES].sort());
    expect(doc.components.securitySchemes).toEqual({
      basicAuth: expect.objectContaining({ type: 'http', scheme: 'basic' }),
      bearerAuth: expect.objectContaining({ type: 'http', scheme: 'bearer' }),
    });
    expect(doc.paths['/v1/sms']?.post?.responses).toHaveProperty('400');
    expect(doc.paths['/health']?.get?.security).toEqual([]);
    for (const path of ['/v1/sms', '/v1/fax', '/v1/voice', '/v1/messages/batch']) {
      expect(doc.paths[path]?.post?.parameters).toContainEqual(
        expect.objectContaining({ name: 'Idempotency-Key', in: 'header', required: false }),
      );
      // These routes validate their bodies themselves (jsonRoute): the document must still describe them.
      expect(doc.paths[path]?.post?.requestBody).toMatchObject({
        required: true,
        content: { 'application/json': { schema: { $ref: expect.stringMatching(/Request$/) } } },
      });
    }
  });

  it('serves the same document as /swagger.json', async () => {
    const [a, b] = await Promise.all([fetch(`${base}/openapi.json`), fetch(`${base}/swagger.json`)]);
    expect(await b.json()).toEqual(await a.json());
  });

  it('serves Swagger UI whose every asset loads from this server', async () => {
    const res = await fetch(`${base}/docs`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    const refs = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1] as string);
    expect(refs.length).toBeGreaterThanOrEqual(5);
    for (const ref of refs) {
      const url = new URL(ref, `${base}/docs`);
      expect(url.origin).toBe(base);
      const asset = await fetch(url);
      expect(asset.status, ref).toBe(200);
      expect((await asset.arrayBuffer()).byteLength, ref).toBeGreaterThan(100);
    }
    const initializer = await (await fetch(`${base}/docs/swagger-initializer.js`)).text();
    const specUrl = /url: '([^']+)'/.exec(initializer)?.[1] ?? '';
    expect((await fetch(new URL(specUrl, `${base}/docs`))).status).toBe(200);
  });

  it('serves nothing else from the swagger-ui package', async () => {
    expect((await fetch(`${base}/docs/package.json`)).status).toBe(404);
    expect((await fetch(`${base}/docs/..%2F..%2Fpackage.json`)).status).toBe(404);
  });
});
