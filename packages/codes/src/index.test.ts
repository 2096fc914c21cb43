import { describe, expect, it } from 'vitest';
import * as codes from './index.ts';

describe('package entry', () => {
  it('exports exactly the curated public API', () => {
    expect(Object.keys(codes).sort()).toEqual(
      [
        'ACCOUNT_RESPONSE_CODES',
        'ERROR_STATES',
        'FAX_ATTACHMENT_RULES',
        'JOB_TYPES',
        'RESPONSE_CODES',
        'SEND_STATES',
        'SEND_STATE_OUTCOMES',
        'TRANSIENT_RESPONSE_CODES',
        'classifyResponse',
        'classifySendState',
        'describeErrorState',
        'describeJobType',
        'describeResponse',
        'describeSendState',
        'isFaxAttachmentType',
        'isReceptionConfirmed',
        'jobFamilyOf',
      ].sort(),
    );
  });

  it('answers a GetStateBasic reading end to end through the entry point', () => {
    expect(codes.classifyResponse(0, 'state')).toBe('accepted');
    expect(codes.classifySendState(1, 8)).toEqual({ outcome: 'delivered', final: true, known: true });
    expect(codes.describeSendState(1, 8).name).toBe('deliveredConfirmed');
  });

  it('knows eCall’s fax attachment rules', () => {
    expect(codes.FAX_ATTACHMENT_RULES).toMatchObject({ maxCount: 10, maxBytes: 5 * 1024 * 1024 });
    expect(codes.isFaxAttachmentType('Rechnung.PDF')).toBe(true);
    expect(codes.isFaxAttachmentType('photo.png')).toBe(false);
    expect(codes.isFaxAttachmentType('noextension')).toBe(false);
  });
});
