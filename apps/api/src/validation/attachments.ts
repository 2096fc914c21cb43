import { z } from '@hono/zod-openapi';
import { ATTACHMENT_EXTENSIONS, VALIDATION_LIMITS as L } from './limits.ts';
import { hasControlCharacters } from './text.ts';

const MAX_BASE64_CHARS = Math.ceil(L.attachmentBytes / 3) * 4;

function fileNameProblem(name: string): string | undefined {
  if (/[/\\]/.test(name)) return 'A file name must not contain path separators';
  if (name.includes('..')) return 'A file name must not contain ..';
  if (hasControlCharacters(name, false)) return 'A file name must not contain control characters';
  const extension = /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
  if (!(ATTACHMENT_EXTENSIONS as readonly string[]).includes(extension)) {
    return `The extension must be one of ${ATTACHMENT_EXTENSIONS.join(', ')}`;
  }
  return undefined;
}

/** Decoded size of strict base64. */
function decodedSize(content: string): number {
  const padding = content.endsWith('==') ? 2 : content.endsWith('=') ? 1 : 0;
  return (content.length / 4) * 3 - padding;
}

function base64Problem(content: string): string | undefined {
  if (content.length === 0) return 'The file is empty';
  // The length check first spares decoding a huge string; the exact size is checked once it is known valid.
  const tooLarge = `A file has at most ${L.attachmentBytes} bytes (5 MiB) decoded`;
  if (content.length > MAX_BASE64_CHARS) return tooLarge;
  if (content.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(content)) return 'Not strict base64';
  // Re-encoding catches non-zero padding bits, which lenient decoders accept and strict ones refuse.
  if (Buffer.from(content, 'base64').toString('base64') !== content) return 'Not strict base64';
  return decodedSize(content) > L.attachmentBytes ? tooLarge : undefined;
}

/** One fax attachment; the output carries the decoded size for the stored request. */
export const attachmentSchema = z
  .strictObject({
    fileName: z
      .string()
      .min(1)
      .max(L.fileNameChars)
      .superRefine((name, ctx) => {
        const problem = fileNameProblem(name);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      })
      .openapi({
        description: `File name without path, at most ${L.fileNameChars} characters; extension one of ${ATTACHMENT_EXTENSIONS.join(', ')}.`,
        example: 'report.pdf',
      }),
    contentBase64: z
      .string()
      .superRefine((content, ctx) => {
        const problem = base64Problem(content);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      })
      .openapi({ description: 'File content, strict base64, at most 5 MiB decoded.' }),
  })
  .transform((file) => ({ ...file, size: decodedSize(file.contentBase64) }))
  .openapi('Attachment');

/** Up to ten attachments. */
export const attachmentsSchema = z.array(attachmentSchema).max(L.attachments);
