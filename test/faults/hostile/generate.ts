import { emptyField, hugeField, wrongType } from './field-mutations.ts';
import { badBase64, pathTraversal, xmlInjection } from './injection.ts';
import { brokenJson, contentType, invalidUtf8, oversizedBody } from './raw-bodies.ts';
import { badAuth, badRoute, forgedCallback } from './routes.ts';
import type { HostileCategory, HostileContext, HostileRequest } from './types.ts';

/** How often each category is drawn (relative weights). Oversized bodies are rare: each is over a megabyte. */
const WEIGHTS: Record<HostileCategory, readonly [number, (ctx: HostileContext) => HostileRequest]> = {
  'wrong-type': [12, wrongType],
  'empty-field': [8, emptyField],
  'huge-field': [8, hugeField],
  'broken-json': [12, brokenJson],
  'invalid-utf8': [10, invalidUtf8],
  'xml-injection': [12, xmlInjection],
  'path-traversal': [8, pathTraversal],
  'bad-base64': [8, badBase64],
  'oversized-body': [0.5, oversizedBody],
  'content-type': [8, contentType],
  'forged-callback': [10, forgedCallback],
  'bad-auth': [4, badAuth],
  'bad-route': [6, badRoute],
};
const TOTAL = Object.values(WEIGHTS).reduce((sum, [weight]) => sum + weight, 0);

/** Draws one bad request; the same seed gives the same sequence. */
export function generateHostile(ctx: HostileContext): HostileRequest {
  let draw = ctx.prng.next() * TOTAL;
  for (const [weight, generate] of Object.values(WEIGHTS)) {
    draw -= weight;
    if (draw < 0) return generate(ctx);
  }
  return badRoute(ctx);
}
