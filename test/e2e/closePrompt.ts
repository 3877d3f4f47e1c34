// Closing a page the way a person closes a tab, and answering the "Leave site?"
// prompt that the page's beforeunload handler raises.
import type { Dialog, Page } from 'playwright-core';

/** Chromium's answer to a prompt that is no longer showing. */
const WITHDRAWN = 'No dialog is showing';

/**
 * Asks the page to close (its beforeunload handlers run) and answers the prompt:
 * 'stay' cancels the close, 'leave' lets it go on. Resolves with the types of the
 * prompts seen, once the answer was given; a page that closes without asking
 * rejects, since waiting for its prompt fails.
 *
 * Chromium sometimes withdraws a beforeunload prompt by itself before the answer
 * arrives (about one run in six on a loaded machine): the protocol then answers
 * "No dialog is showing", no dialogClosed event follows, and the page stays open.
 * Staying is what 'stay' asks for, so that counts as answered; for 'leave' the
 * close is asked again. The answer is always awaited here, so a real failure
 * fails the test instead of becoming an unhandled rejection after it.
 */
export async function closeAnswering(page: Page, answer: 'stay' | 'leave', attempts = 3): Promise<string[]> {
  const asked: string[] = [];
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const prompt = page.waitForEvent('dialog', { timeout: 15_000 });
    await page.close({ runBeforeUnload: true });
    const dialog = await prompt;
    asked.push(dialog.type());
    if ((await respond(dialog, answer)) || answer === 'stay') return asked;
  }
  throw new Error(`Chromium withdrew the beforeunload prompt ${attempts} times; the page never closed.`);
}

/** Gives the answer; false when Chromium had already withdrawn the prompt. */
async function respond(dialog: Dialog, answer: 'stay' | 'leave'): Promise<boolean> {
  try {
    await (answer === 'leave' ? dialog.accept() : dialog.dismiss());
    return true;
  } catch (error) {
    if (String(error).includes(WITHDRAWN)) return false;
    throw error;
  }
}
