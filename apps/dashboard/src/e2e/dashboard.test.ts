import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QUEUE_NAMES } from '@ecall-relay/messages';
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../../../../test/support/wait.ts';
import { launchChromium, signIn } from './browser.ts';
import { buildUi } from './build-ui.ts';
import { type Seeded, seedMessages } from './seed.ts';
import { type Stack, startStack, USERS } from './stack.ts';

/** Screenshots to look at after a run (never committed). */
const SHOTS = process.env.DASHBOARD_SHOTS_DIR ?? join(tmpdir(), 'ecall-relay-dashboard-shots');
const BULK = 2000;
const PAGE_SIZE = 100;

describe('dashboard end to end (Chromium against api, worker and simulator)', () => {
  let stack: Stack;
  let dist: string;
  let browser: Browser;
  let reader: Page;
  let admin: Page;
  const contexts: BrowserContext[] = [];
  let ids: Seeded;

  const statusOf = async (id: string) => (await stack.store.read(id))?.state.status;
  const page = async (user: { name: string; secret: string }) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    const p = await context.newPage();
    await signIn(p, stack.url, user);
    return p;
  };
  const rowIds = (p: Page) =>
    p.locator('table.messages tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')));

  /** The list's row ids; fails at once with the page's error when the api refused the search. */
  const listed = async (p: Page) => {
    const alert = p.getByRole('alert');
    if ((await alert.count()) > 0) throw new Error(`the page shows: ${await alert.first().textContent()}`);
    return JSON.stringify(await rowIds(p));
  };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    dist = await buildUi();
    stack = await startStack(dist);
    browser = await launchChromium();
    [ids, reader, admin] = await Promise.all([
      seedMessages(stack, BULK),
      page(USERS.reader),
      page(USERS.ops),
    ]);
  }, 60_000);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await stack?.close();
    if (dist) rmSync(dist, { recursive: true, force: true });
  });

  it('signs a read user in and lists the newest messages', async () => {
    await reader.goto(`${stack.url}/ui/`);
    await reader.locator(`tr[data-id="${ids.scheduled}"]`).waitFor();
    const shown = await rowIds(reader);
    expect(shown.slice(0, 4)).toEqual([ids.scheduled, ids.rejected, ids.failed, ids.delivered]);
    expect(shown).toHaveLength(50);
    await reader.screenshot({ path: join(SHOTS, 'list.png'), fullPage: false });
  });

  it('refuses a wrong password on the sign-in form', async () => {
    const context = await browser.newContext();
    contexts.push(context);
    const p = await context.newPage();
    await p.goto(`${stack.url}/ui/`);
    await p.getByLabel('User name').fill('reader');
    await p.getByLabel('Password or API key').fill('wrong');
    await p.getByRole('button', { name: 'Sign in' }).click();
    await p.getByRole('alert').filter({ hasText: 'Wrong name, password or API key' }).waitFor();
    await p.screenshot({ path: join(SHOTS, 'login.png') });
  });

  it('searches by recipient, written in another number format', async () => {
    await reader.goto(`${stack.url}/ui/`);
    await reader.getByLabel('Message id or recipient').fill('+41 79 123 45 67');
    await reader.getByRole('button', { name: 'Search' }).click();
    await waitFor(async () => (await listed(reader)) === JSON.stringify([ids.delivered]), {
      what: 'recipient search',
    });
    expect(reader.url()).toContain('recipient=');
  });

  it('searches by status', async () => {
    await reader.goto(`${stack.url}/ui/`);
    await reader.getByLabel('Status').selectOption('rejected');
    await reader.getByRole('button', { name: 'Search' }).click();
    await waitFor(async () => (await listed(reader)) === JSON.stringify([ids.rejected]), {
      what: 'status search',
    });
  });

  it('opens a message by its id from the search box', async () => {
    await reader.goto(`${stack.url}/ui/`);
    await reader.getByLabel('Message id or recipient').fill(ids.failed.toLowerCase());
    await reader.getByRole('button', { name: 'Search' }).click();
    await reader.getByRole('heading', { name: `Message ${ids.failed}` }).waitFor();
  });

  it('keeps what was typed into the search box before the list page ran its first effects', async () => {
    // Preact runs effects after the next frame; with frames held back they run 100 ms after the first render, the
    // window in which a quick typist, or a test on a loaded machine, fills the box. The form once reset it then.
    const p = await page(USERS.reader);
    await p.addInitScript({ content: 'window.requestAnimationFrame = () => 0;' });
    await p.goto(`${stack.url}/ui/`);
    const box = p.getByLabel('Message id or recipient');
    await box.fill(ids.failed);
    // The list's rows come from a fetch that an effect of the same frame starts: once they show, the effects ran.
    await p.locator(`tr[data-id="${ids.scheduled}"]`).waitFor();
    expect(await box.inputValue()).toBe(ids.failed);
  });

  it('shows in the search form what Back and Forward bring back to the list', async () => {
    const p = await page(USERS.reader);
    await p.goto(`${stack.url}/ui/`);
    const box = p.getByLabel('Message id or recipient');
    const status = p.getByLabel('Status');
    await status.selectOption('rejected');
    await p.getByRole('button', { name: 'Search' }).click();
    await waitFor(async () => (await listed(p)) === JSON.stringify([ids.rejected]), {
      what: 'status search',
    });
    await status.selectOption('');
    await box.fill('+41 79 123 45 67');
    await p.getByRole('button', { name: 'Search' }).click();
    await waitFor(async () => (await listed(p)) === JSON.stringify([ids.delivered]), {
      what: 'recipient search',
    });
    const recipient = new URL(p.url()).searchParams.get('recipient');
    expect(recipient).toBeTruthy();

    await p.goBack();
    await waitFor(async () => (await listed(p)) === JSON.stringify([ids.rejected]), {
      what: 'the list after Back',
    });
    expect(await status.inputValue()).toBe('rejected');
    expect(await box.inputValue()).toBe('');

    await p.goForward();
    await waitFor(async () => (await listed(p)) === JSON.stringify([ids.delivered]), {
      what: 'the list after Forward',
    });
    expect(await status.inputValue()).toBe('');
    expect(await box.inputValue()).toBe(recipient);
  });

  it('shows each recipient’s timeline with eCall codes, their texts and the request ids', async () => {
    const record = await stack.store.get(ids.delivered);
    const requestIds = [
      ...new Set((record?.history ?? []).flatMap((e) => (e.requestId ? [e.requestId] : []))),
    ];
    expect(requestIds.length).toBeGreaterThan(0);
    await reader.goto(`${stack.url}/ui/messages/${ids.delivered}`);
    const card = reader.locator('details.recipient');
    await card.getByText('ResponseCode 0').first().waitFor();
    const text = await card.textContent();
    expect(text).toContain('0791234567');
    expect(text).toMatch(/SendState 8 .*reception confirmed/i);
    for (const id of requestIds) expect(text).toContain(id);
    expect(text).toMatch(/poll/);
    expect(await reader.getByTestId('request-ids').textContent()).toContain(requestIds[0]);
    await reader.screenshot({ path: join(SHOTS, 'detail.png'), fullPage: true });

    await reader.goto(`${stack.url}/ui/messages/${ids.rejected}`);
    await reader.getByText('ResponseCode 11100').first().waitFor();
    expect(await reader.locator('details.recipient').textContent()).toMatch(/AdrAdCInvalid/);
    expect(await reader.getByTestId('last-code').textContent()).toMatch(/^11100/);
  });

  it('shows a read user no actions', async () => {
    await reader.goto(`${stack.url}/ui/messages/${ids.rejected}`);
    await reader.getByText('ResponseCode 11100').first().waitFor();
    await reader.goto(`${stack.url}/ui/messages/${ids.scheduled}`);
    await reader.getByRole('heading', { name: `Message ${ids.scheduled}` }).waitFor();
    expect(await reader.getByRole('button', { name: /Retry|Cancel/ }).count()).toBe(0);
    expect(await reader.locator('.actions').count()).toBe(0);
  });

  it('lets an admin cancel a scheduled message', async () => {
    await admin.goto(`${stack.url}/ui/messages/${ids.scheduled}`);
    await admin.getByRole('button', { name: 'Cancel message' }).click();
    await admin.getByRole('button', { name: 'Yes, cancel it' }).click();
    await admin.locator('.title-row .badge').filter({ hasText: 'canceled' }).waitFor();
    expect(await statusOf(ids.scheduled)).toBe('canceled');
    expect(await admin.getByRole('button', { name: 'Cancel message' }).count()).toBe(0);
  });

  it('lets an admin retry a rejected message as a new message that points back', async () => {
    await admin.goto(`${stack.url}/ui/messages/${ids.rejected}`);
    await admin.getByRole('button', { name: 'Retry as a new message' }).click();
    await admin.getByRole('button', { name: 'Yes, send it again' }).click();
    await admin.getByText(`Retry of ${ids.rejected}`).waitFor();
    const newId = /messages\/([0-9A-Z]{26})$/.exec(admin.url())?.[1] ?? '';
    expect(newId).not.toBe(ids.rejected);
    expect((await stack.store.read(newId))?.request.retryOf).toBe(ids.rejected);
    await admin.goto(`${stack.url}/ui/messages/${ids.rejected}`);
    await admin.getByText(`Retried as ${newId}`).waitFor();
    expect(await admin.getByRole('button', { name: 'Retry as a new message' }).count()).toBe(0);
    await admin.screenshot({ path: join(SHOTS, 'detail-retried.png'), fullPage: true });
  });

  it('lets an admin resume a paused account, which a reader only sees', async () => {
    const since = new Date().toISOString();
    const probeAt = new Date(Date.now() + 3_600_000).toISOString();
    await stack.store.pauseAccount({ code: 11301, text: 'AccNoUnits', since, probeAt });
    await reader.goto(`${stack.url}/ui/health`);
    await reader.getByTestId('account').filter({ hasText: 'Sending is paused' }).waitFor();
    expect(await reader.getByRole('button', { name: 'Resume sending' }).count()).toBe(0);
    await admin.goto(`${stack.url}/ui/health`);
    await admin.getByTestId('account').filter({ hasText: '11301' }).waitFor();
    await admin.screenshot({ path: join(SHOTS, 'health-paused.png') });
    await admin.getByRole('button', { name: 'Resume sending' }).click();
    await admin.getByTestId('account').filter({ hasText: 'Sending is running' }).waitFor();
    expect(await stack.store.accountPause()).toBeUndefined();
    expect(await stack.sendQueue.isPaused()).toBe(false);
  });

  it('shows queue depths, the demo note and the last hour as charts', async () => {
    await admin.goto(`${stack.url}/ui/health`);
    const sendRow = admin.locator('tr[data-queue="ecall-send"]');
    await sendRow.waitFor();
    const delayed = (await stack.sendQueue.getJobCounts('delayed')).delayed ?? -1;
    expect(delayed).toBe(BULK);
    expect(await sendRow.locator('td').nth(2).textContent()).toBe(String(BULK));
    expect(await admin.locator('tr[data-queue]').count()).toBe(Object.keys(QUEUE_NAMES).length);
    await admin.getByRole('note').filter({ hasText: 'simulator answers' }).waitFor();
    expect(await admin.getByTestId('chart').count()).toBe(4);
    expect(await admin.getByTestId('chart').first().locator('rect.bar').count()).toBeGreaterThan(0);
    await admin.screenshot({ path: join(SHOTS, 'health.png'), fullPage: true });
  });

  it('pages through 2,000 messages on the server, one page per request', async () => {
    const sizes: number[] = [];
    const reads: Promise<void>[] = [];
    const onResponse = (res: Response) => {
      if (!res.url().includes('/v1/messages?')) return;
      reads.push(res.json().then((body: { items: unknown[] }) => void sizes.push(body.items.length)));
    };
    admin.on('response', onResponse);
    await admin.goto(`${stack.url}/ui/?channel=voice&limit=${PAGE_SIZE}`);
    const seen = new Set<string>();
    for (let pageNo = 1; pageNo <= BULK / PAGE_SIZE; pageNo++) {
      await admin
        .getByTestId('page-number')
        .filter({ hasText: `Page ${pageNo}` })
        .waitFor();
      await waitFor(
        async () => {
          const rows = await rowIds(admin);
          return rows.length === PAGE_SIZE && !rows.some((id) => id && seen.has(id)) && rows;
        },
        { what: `page ${pageNo}` },
      ).then((rows) => {
        for (const id of rows) if (id) seen.add(id);
      });
      if (pageNo < BULK / PAGE_SIZE) await admin.getByRole('button', { name: 'Older →' }).click();
    }
    expect(seen.size).toBe(BULK);
    // A full last page cannot know it is the last: one more request finds nothing, and paging stops there.
    await admin.getByRole('button', { name: 'Older →' }).click();
    await admin.getByText('No older messages.').waitFor();
    expect(await admin.getByRole('button', { name: 'Older →' }).isDisabled()).toBe(true);
    await admin.getByRole('button', { name: '← Newer' }).click();
    await admin
      .getByTestId('page-number')
      .filter({ hasText: `Page ${BULK / PAGE_SIZE}` })
      .waitFor();
    admin.off('response', onResponse);
    await Promise.all(reads);
    expect(sizes.length).toBeGreaterThanOrEqual(BULK / PAGE_SIZE);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(PAGE_SIZE);
  });
});
