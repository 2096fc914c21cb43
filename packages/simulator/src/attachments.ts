import { FAX_ATTACHMENT_RULES } from '@ecall-relay/codes';
/** One fax attachment as it arrived: both fields are strings, either may be missing. */
export interface Attachment {
  readonly fileName: string | undefined;
  readonly fileContent: string | undefined;
}

/** The ResponseCodes an attachment list can be refused with. */
export type AttachmentCode = 11904 | 11905 | 11906 | 11907 | 11914;

/** eCall's limits for SendFax attachments (SPEC section 2), from the eCall tables. */
export const ATTACHMENT_LIMITS = {
  ...FAX_ATTACHMENT_RULES,
  extensions: new Set<string>(FAX_ATTACHMENT_RULES.extensions),
} as const;

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const WHITESPACE = /\s+/g;

/** Decoded size of base64 text, or undefined when it is not valid base64 (no decoding needed). */
export function base64DecodedSize(text: string): number | undefined {
  const compact = text.replace(WHITESPACE, '');
  if (compact.length % 4 !== 0 || !BASE64.test(compact)) return undefined;
  const padding = compact.endsWith('==') ? 2 : compact.endsWith('=') ? 1 : 0;
  return (compact.length / 4) * 3 - padding;
}

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

/**
 * Checks SendFax attachments in eCall's documented order of rules: count (11904), size (11905),
 * file type (11906), path in the name or unreadable content (11907), name length (11914).
 * Returns undefined when every attachment passes.
 */
export function checkAttachments(files: readonly Attachment[]): AttachmentCode | undefined {
  if (files.length > ATTACHMENT_LIMITS.maxCount) return 11904;
  const sizes = files.map((file) => base64DecodedSize(file.fileContent ?? ''));
  if (sizes.some((size) => size !== undefined && size > ATTACHMENT_LIMITS.maxBytes)) return 11905;
  if (files.some((file) => !ATTACHMENT_LIMITS.extensions.has(extensionOf(file.fileName ?? '')))) return 11906;
  const unreadable = (file: Attachment, index: number): boolean =>
    /[/\\]/.test(file.fileName ?? '') || file.fileContent === undefined || sizes[index] === undefined;
  if (files.some(unreadable)) return 11907;
  if (files.some((file) => (file.fileName ?? '').length > ATTACHMENT_LIMITS.maxNameLength)) return 11914;
  return undefined;
}
