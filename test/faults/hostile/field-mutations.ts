import type { Prng } from '../support/prng.ts';
import {
  type HostileContext,
  type HostileRequest,
  jsonPost,
  SEND_PATHS,
  type SendPath,
  validBody,
} from './types.ts';

type Body = Record<string, unknown>;
type Channel = 'sms' | 'fax' | 'voice';

/** A valid body for `path` with `key` set on the message: the body itself, or the batch's first message. */
export function withField(path: SendPath, key: string, value: unknown): Body {
  const body = validBody(path);
  if (path !== '/v1/messages/batch') return { ...body, [key]: value };
  const [first] = body.messages as Body[];
  return { messages: [{ ...first, [key]: value }] };
}

const channelOf = (path: SendPath): Channel =>
  path === '/v1/fax' ? 'fax' : path === '/v1/voice' ? 'voice' : 'sms';

/** Values of the wrong JSON type, per field; every one is refused whatever the rest of the body. */
const WRONG_TYPES: Record<string, readonly unknown[]> = {
  to: [123, true, {}, null, [[]], [1, 2], 1.5e300],
  text: [42, null, [], {}, true, ['a']],
  sendAt: [12345, true, {}, []],
  callbackUrl: [1, {}, []],
  metadata: ['x', [], 5, true],
};
const WRONG_TYPES_BY_CHANNEL: Record<Channel, Record<string, readonly unknown[]>> = {
  sms: { flash: ['yes', 1], noLog: ['false', 0], from: [123, [], {}], answerTo: [5, []], notify: [5, {}] },
  fax: {
    attachments: ['a.pdf', {}, [1], [null], [[]]],
    options: ['x', [], { maxRetries: '3' }],
    subject: [1],
  },
  voice: { language: [1, ['DE'], null], from: [42, {}] },
};

/** A field of the wrong type, or a body that is not an object at all. */
export function wrongType(ctx: HostileContext): HostileRequest {
  const { prng } = ctx;
  const path = prng.pick(SEND_PATHS);
  if (prng.chance(0.1)) return jsonPost('wrong-type', ctx, path, prng.pick([[], 'str', 1, null, true]));
  if (path === '/v1/messages/batch' && prng.chance(0.3)) {
    return jsonPost('wrong-type', ctx, path, { messages: prng.pick(['x', {}, 5, [1], [null]]) });
  }
  const table = { ...WRONG_TYPES, ...WRONG_TYPES_BY_CHANNEL[channelOf(path)] };
  const key = prng.pick(Object.keys(table));
  return jsonPost('wrong-type', ctx, path, withField(path, key, prng.pick(table[key] ?? [null])));
}

/** Required fields empty, blank or missing. */
export function emptyField(ctx: HostileContext): HostileRequest {
  const { prng } = ctx;
  const path = prng.pick(SEND_PATHS);
  const choices: (() => Body)[] = [
    () => withField(path, 'to', prng.pick(['', [], ';', ' ', [''], ';;;', [' ']])),
    () => withField(path, 'text', prng.pick(['', '   ', '\n\t '])),
    () => withField(path, 'sendAt', ''),
    () => (path === '/v1/messages/batch' ? { messages: [] } : {}),
  ];
  if (path === '/v1/fax') {
    choices.push(() =>
      withField(path, 'attachments', [
        prng.pick([
          { fileName: '', contentBase64: 'JVBERi0=' },
          { fileName: 'a.pdf', contentBase64: '' },
          {},
        ]),
      ]),
    );
  }
  if (path === '/v1/voice') choices.push(() => withField(path, 'language', ''));
  return jsonPost('empty-field', ctx, path, prng.pick(choices)());
}

const TEXT_LIMITS: Record<Channel, number> = { sms: 1_600, fax: 10_000, voice: 1_000 };

/** Fields above their limits: long texts, too many recipients, big metadata, long names and URLs. */
export function hugeField(ctx: HostileContext): HostileRequest {
  const { prng } = ctx;
  const path = prng.pick(SEND_PATHS);
  const channel = channelOf(path);
  const long = (min: number, max: number) => 'x'.repeat(prng.int(min, max));
  const numbers = (n: number) => Array.from({ length: n }, (_, i) => `00417${String(i).padStart(8, '0')}`);
  const choices: (() => Body)[] = [
    () => withField(path, 'text', long(TEXT_LIMITS[channel] + 1, TEXT_LIMITS[channel] * 20)),
    () => withField(path, 'to', numbers(prng.int(1_001, 3_000))),
    () => withField(path, 'metadata', { blob: long(4_097, 60_000) }),
    () => withField(path, 'callbackUrl', `https://example.ch/${long(2_001, 20_000)}`),
  ];
  if (channel === 'sms') {
    choices.push(() => withField(path, 'from', 'A'.repeat(prng.int(12, 500))));
    choices.push(() => withField(path, 'notify', numbers(prng.int(10, 50))));
  }
  if (channel === 'fax') {
    choices.push(() => withField(path, 'headerId', long(21, 5_000)));
    choices.push(() => withField(path, 'subject', long(101, 5_000)));
    choices.push(() =>
      withField(path, 'attachments', [{ fileName: `${long(101, 2_000)}.pdf`, contentBase64: 'JVBERi0=' }]),
    );
  }
  if (path === '/v1/messages/batch') {
    const [one] = validBody(path).messages as Body[];
    choices.push(() => ({ messages: Array.from({ length: prng.int(1_001, 1_500) }, () => one) }));
  }
  return jsonPost('huge-field', ctx, path, prng.pick(choices)());
}

/** Picks a send path whose message has the field. */
export function pathWith(prng: Prng, channels: readonly Channel[]): SendPath {
  return prng.pick(SEND_PATHS.filter((path) => channels.includes(channelOf(path))));
}
