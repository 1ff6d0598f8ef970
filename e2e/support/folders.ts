import type { Page } from '@playwright/test';
import { expect, isPhone } from './fixtures';

/*
 * The Credentials page's folders: a side panel of buttons on a wide screen, a select labelled
 * "Folder" (with an actions menu for the chosen folder) on a phone. The folder flows run in both
 * Playwright projects through these.
 */

function label(title: string, count?: number): { button: string; option: string } {
  if (count === undefined) return { button: title, option: title };
  return {
    button: `${title}, ${count === 1 ? '1 credential' : `${count} credentials`}`,
    option: `${title} (${count})`,
  };
}

/** Shows the folder's credentials, by keyboard on a wide screen. */
export async function chooseFolder(page: Page, title: string, count: number): Promise<void> {
  if (isPhone(page)) {
    const select = page.getByRole('combobox', { name: 'Folder' });
    await select.focus();
    await select.selectOption({ label: label(title, count).option });
  } else {
    const nav = page.getByRole('navigation', { name: 'Folders' });
    await nav.getByRole('button', { name: label(title, count).button }).focus();
    await page.keyboard.press('Enter');
  }
}

/** The folder shown now: "All credentials", or a folder with its count. */
export async function expectCurrentFolder(page: Page, title: string, count?: number) {
  if (isPhone(page)) {
    await expect(
      page.getByRole('combobox', { name: 'Folder' }).locator('option:checked'),
    ).toHaveText(label(title, count).option);
  } else {
    await expect(
      page
        .getByRole('navigation', { name: 'Folders' })
        .getByRole('button', { name: label(title, count).button }),
    ).toHaveAttribute('aria-current', 'true');
  }
}

/** The folder is not offered any more. */
export async function expectNoFolder(page: Page, title: string) {
  const pattern = new RegExp(title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (isPhone(page)) {
    await expect(
      page.getByRole('combobox', { name: 'Folder' }).locator('option', { hasText: pattern }),
    ).toHaveCount(0);
  } else {
    await expect(
      page.getByRole('navigation', { name: 'Folders' }).getByRole('button', { name: pattern }),
    ).toHaveCount(0);
  }
}

/** A folder's menu button (on a phone, only the chosen folder has one). */
export function folderActions(page: Page, title: string) {
  return page.getByRole('button', { name: `Actions for folder ${title}` });
}
