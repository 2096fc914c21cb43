/**
 * eCall's rules for SendFax attachments (F24 web service description, section 6.3 and ResponseCodes
 * 11904-11914): at most 10 files of at most 5 MB each, file names without a path, and these types only.
 */
export const FAX_ATTACHMENT_RULES = {
  /** More files: 11904 Too many attachments. */
  maxCount: 10,
  /** Larger decoded file: 11905 Attachment(s) too large. */
  maxBytes: 5 * 1024 * 1024,
  /** Longer file name: 11914 Attachment name exceeds char limit (eCall states no number; 100 is this relay's). */
  maxNameLength: 100,
  /** Other extensions: 11906 file type not supported. */
  extensions: [
    'bmp',
    'pdf',
    'doc',
    'docx',
    'rtf',
    'ppt',
    'pptx',
    'dok',
    'snp',
    'gif',
    'tif',
    'tiff',
    'html',
    'txt',
    'jpg',
    'wir',
    'jpeg',
    'xls',
    'xlsx',
    'zip',
  ],
} as const;

/** A fax attachment type eCall accepts. */
export type FaxAttachmentType = (typeof FAX_ATTACHMENT_RULES.extensions)[number];

/** Tells whether eCall accepts a file of this name by its extension (case-insensitive). */
export function isFaxAttachmentType(fileName: string): boolean {
  const dot = fileName.lastIndexOf('.');
  const extension = dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
  return (FAX_ATTACHMENT_RULES.extensions as readonly string[]).includes(extension);
}
