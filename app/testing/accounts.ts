// Accounts for browser tests and benchmarks: the first visitor of a fresh app creates the owner.
import type { Page } from 'playwright-core';
import { messages } from '../i18n/messages';

export interface Account {
  name: string;
  email: string;
  password: string;
}

const en = messages.en;

/** Fills the setup form at `baseUrl` as the first visitor; the page ends signed in on the home page. */
export async function createOwner(page: Page, baseUrl: string, owner: Account): Promise<void> {
  await page.goto(`${baseUrl}/setup`);
  await page.getByLabel(en.fieldName, { exact: true }).fill(owner.name);
  await page.getByLabel(en.fieldEmail, { exact: true }).fill(owner.email);
  await page.getByLabel(en.fieldPassword, { exact: true }).fill(owner.password);
  await page.getByLabel(en.fieldConfirmPassword, { exact: true }).fill(owner.password);
  await page.getByRole('button', { name: en.createOwner }).click();
  await page.waitForURL((at) => at.pathname === '/');
}
