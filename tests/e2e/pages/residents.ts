import type { Page } from 'playwright-core';
import { pick } from '../harness';

/** What a staff member does on the resident screens, in their words. */
export class ResidentsScreen {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.evaluate(() => (window.location.hash = '#/residents'));
    await this.page.getByTestId('resident-search').locator('input').waitFor();
  }

  async search(text: string) {
    const box = this.page.getByTestId('resident-search').locator('input');
    await box.fill('');
    await box.pressSequentially(text, { delay: 30 });
    // Until the rows on screen are the ones for the whole term, not for a part typed on the way.
    await this.page.waitForFunction((q) => document.querySelector('[data-testid=resident-results]')?.getAttribute('data-shown-q') === q, text);
  }

  /** Names in the table once the list has settled on `expectTotal` people (or any, if not given). */
  async names(): Promise<string[]> {
    return this.page.locator('[data-testid=resident-table] .ant-table-tbody a').allTextContents();
  }

  total() {
    return this.page.locator('.ant-pagination-total-text');
  }
}

export class ResidentForm {
  constructor(readonly page: Page) {}

  field(name: string) {
    return this.page.getByTestId(`f-${name}`);
  }

  /** Picks an option of an antd select by typing its label, checked and tried again as the harness does. */
  async choose(testId: string, label: string) {
    await pick(this.page, testId, label);
  }

  async save() {
    await this.page.getByTestId('save-resident').click();
  }
}
