import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../browser.js';
import { buildApp } from '../build-app.js';
import { startServer, type RunningServer, type TestUser } from '../start-server.js';
import type { Db } from '../../../src/store/db.js';

/**
 * One server and one browser for a file's walks (the machine is shared): the real server over
 * PGlite in a temporary directory, the built web app, Debian's Chromium.
 */
export class Walk {
  private context: BrowserContext | undefined;

  private constructor(
    private readonly server: RunningServer,
    private readonly browser: Browser,
  ) {}

  static async open(studyIds: readonly string[], users: readonly TestUser[], seed?: (db: Db) => Promise<void>): Promise<Walk> {
    await buildApp();
    const server = await startServer(studyIds, users, seed);
    return new Walk(server, await launchChromium());
  }

  get url(): string {
    return this.server.url;
  }

  /** A fresh signed-out browser at 1024 × 768, the narrowest screen the app must serve. */
  async newPage(): Promise<Page> {
    await this.context?.close();
    this.context = await this.browser.newContext({ viewport: { width: 1024, height: 768 } });
    const page = await this.context.newPage();
    page.on('pageerror', (e) => {
      throw e;
    });
    return page;
  }

  async signIn(page: Page, user: TestUser): Promise<void> {
    await page.goto(`${this.url}/#/studies`);
    await page.getByLabel('User name').fill(user.username);
    await page.getByLabel('Password').fill(user.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Studies' }).waitFor();
  }

  async close(): Promise<void> {
    await this.context?.close();
    await this.browser.close();
    await this.server.stop();
  }
}
