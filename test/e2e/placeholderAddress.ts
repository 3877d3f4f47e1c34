// The sample blog's baseUrl is the placeholder https://example.com/, so its
// first publish in a window asks first (components/AddressPrompt.tsx). Tests
// about other things answer with Publish anyway.
import type { Page } from 'playwright-core';

export const addressQuestion = 'Publish with a placeholder site address?';

export async function publishAnyway(page: Page): Promise<void> {
  const asked = page.getByRole('region', { name: 'Publish' }).getByRole('group', { name: addressQuestion });
  await asked.getByRole('button', { name: 'Publish anyway' }).click({ timeout: 30_000 });
}
