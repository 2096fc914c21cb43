import { type Browser, chromium, type Page } from 'playwright-core';

/** Debian's Chromium (scripts/setup.sh installs it); playwright-core downloads no browser of its own. */
export const CHROMIUM = '/usr/bin/chromium';

/** Launches Chromium headless with nothing that reaches beyond this machine. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Signs in through the dashboard's form and waits until the header names the user. */
export async function signIn(page: Page, url: string, user: { name: string; secret: string }): Promise<void> {
  await page.goto(`${url}/ui/`);
  await page.getByLabel('User name').fill(user.name);
  await page.getByLabel('Password or API key').fill(user.secret);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('user').filter({ hasText: user.name }).waitFor();
}
