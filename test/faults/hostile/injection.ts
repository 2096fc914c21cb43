import { pathWith, withField } from './field-mutations.ts';
import { BAD_BASE64, TRAVERSAL_NAMES, TRAVERSAL_PATHS, XML_INJECTIONS } from './strings.ts';
import { type HostileContext, type HostileRequest, jsonPost, SEND_PATHS, validBody } from './types.ts';

/**
 * XML and SOAP injection strings in fields whose format refuses them (addresses, sender, language, date,
 * notify, file names, field names), sometimes with the text injected too. An injection in the text alone is
 * valid input: the test sends that one separately and checks it reaches eCall as literal text.
 */
export function xmlInjection(ctx: HostileContext): HostileRequest {
  const { prng } = ctx;
  const inject = prng.pick(XML_INJECTIONS);
  const choices = [
    () => {
      const path = prng.pick(SEND_PATHS);
      return { path, body: withField(path, 'to', prng.chance(0.5) ? inject : ['0041791234567', inject]) };
    },
    () => {
      const path = prng.pick(SEND_PATHS);
      return { path, body: withField(path, 'sendAt', inject) };
    },
    () => {
      const path = prng.pick(SEND_PATHS);
      return { path, body: withField(path, inject, 'x') };
    },
    () => {
      const path = prng.pick(SEND_PATHS);
      return { path, body: withField(path, 'callbackUrl', `javascript:${inject}`) };
    },
    () => {
      const path = pathWith(prng, ['sms']);
      return { path, body: withField(path, prng.pick(['from', 'answerTo', 'notify']), inject) };
    },
    () => ({ path: '/v1/voice', body: withField('/v1/voice', 'language', inject) }),
    () => ({
      path: '/v1/fax',
      body: withField('/v1/fax', 'attachments', [{ fileName: `${inject}.exe`, contentBase64: 'JVBERi0=' }]),
    }),
  ];
  const { path, body } = prng.pick(choices)();
  if (prng.chance(0.5) && path !== '/v1/messages/batch' && typeof body.text === 'string') body.text = inject;
  return jsonPost('xml-injection', ctx, path, body);
}

/** Attachment names that climb directories or hide their type, and URL paths that try to climb out. */
export function pathTraversal(ctx: HostileContext): HostileRequest {
  const { prng } = ctx;
  if (prng.chance(0.3)) {
    const method = prng.pick(['GET', 'DELETE']);
    return {
      category: 'path-traversal',
      method,
      path: prng.pick(TRAVERSAL_PATHS),
      headers: { authorization: ctx.auth },
    };
  }
  const [file] = validBody('/v1/fax').attachments as Record<string, unknown>[];
  const names = Array.from({ length: prng.int(1, 3) }, () => prng.pick(TRAVERSAL_NAMES));
  const attachments = names.map((fileName) => ({ ...file, fileName }));
  return jsonPost('path-traversal', ctx, '/v1/fax', withField('/v1/fax', 'attachments', attachments));
}

/** Attachment contents that are not strict base64. */
export function badBase64(ctx: HostileContext): HostileRequest {
  const { prng } = ctx;
  const attachments: { fileName: string; contentBase64: string }[] = [
    { fileName: prng.pick(['a.pdf', 'scan.tif', 'x.txt']), contentBase64: prng.pick(BAD_BASE64) },
  ];
  if (prng.chance(0.3)) attachments.unshift({ fileName: 'ok.pdf', contentBase64: 'JVBERi0=' });
  return jsonPost('bad-base64', ctx, '/v1/fax', withField('/v1/fax', 'attachments', attachments));
}
