import { CANCELABLE_STATUSES as SERVER_CANCELABLE, SETTLED_STATUSES } from '@ecall-relay/messages';
import { describe, expect, it } from 'vitest';
import { RETRYABLE_STATUSES as SERVER_RETRYABLE } from '../../../api/src/routes/ops/index.ts';
import {
  CANCELABLE_STATUSES,
  capabilitiesOf,
  FINAL_STATUSES,
  messageActions,
  RETRYABLE_STATUSES,
} from './capabilities.ts';

describe('capabilities', () => {
  it('gives a reader nothing to click', () => {
    expect(capabilitiesOf(['read'])).toEqual({ retry: false, cancel: false, resume: false });
  });

  it('lets an admin with send retry, cancel and resume; admin alone only resume (the api asks send for the rest)', () => {
    expect(capabilitiesOf(['send', 'read', 'admin'])).toEqual({ retry: true, cancel: true, resume: true });
    expect(capabilitiesOf(['read', 'admin'])).toEqual({ retry: false, cancel: false, resume: true });
    expect(capabilitiesOf(['send', 'read'])).toEqual({ retry: false, cancel: false, resume: false });
  });

  it('offers retry and cancel only in the statuses the server accepts', () => {
    const admin = capabilitiesOf(['send', 'read', 'admin']);
    expect(messageActions(admin, 'rejected')).toEqual({ retry: true, cancel: false });
    expect(messageActions(admin, 'scheduled')).toEqual({ retry: false, cancel: true });
    expect(messageActions(admin, 'accepted')).toEqual({ retry: false, cancel: false });
    expect(messageActions(capabilitiesOf(['read']), 'rejected')).toEqual({ retry: false, cancel: false });
  });

  it('uses the same status lists as the api and the store', () => {
    expect([...RETRYABLE_STATUSES].sort()).toEqual([...SERVER_RETRYABLE].sort());
    expect([...CANCELABLE_STATUSES].sort()).toEqual([...SERVER_CANCELABLE].sort());
    expect([...FINAL_STATUSES].sort()).toEqual(SETTLED_STATUSES.filter((s) => s !== 'accepted').sort());
  });
});
