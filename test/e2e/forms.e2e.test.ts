/**
 * Issue 12: a preventer who does not write YAML adds an asset and a flow with the generated forms
 * (zone, endpoints and data carried picked by name), sees a required field refused on the field
 * itself, and deletes entities after being told what references them. Debian's Chromium against
 * the platform with the demo.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  PHONE,
  appIds,
  expectNoHorizontalOverflow,
  openPage,
  runAxe,
  formatAxe,
  signIn,
  startBrowser,
  startPlatform,
} from './support.js';
import type { AppIds, Driver, Platform } from './support.js';

const UI_TIMEOUT = 30_000;

let platform: Platform | undefined;
let driver: Driver | undefined;
let ids: AppIds | undefined;

interface Row {
  readonly id: string;
  readonly name: string;
}

function page(): Page {
  if (driver === undefined) throw new Error('the browser did not start');
  return driver.page;
}
function w(): string {
  if (ids === undefined) throw new Error('no workspace');
  return `/w/${ids.workspace}`;
}

async function latest(): Promise<number> {
  const response = await page().request.get(`/api/workspaces/${ids?.workspace ?? ''}/versions`);
  const { versions } = (await response.json()) as { versions: { number: number }[] };
  return versions[0]?.number ?? 0;
}

async function rows(section: string): Promise<Row[]> {
  const response = await page().request.get(
    `/api/workspaces/${ids?.workspace ?? ''}/versions/${String(await latest())}/entities/${section}`,
  );
  return ((await response.json()) as { rows: Row[] }).rows;
}

async function fields(section: string, id: string): Promise<Record<string, unknown>> {
  const response = await page().request.get(
    `/api/workspaces/${ids?.workspace ?? ''}/versions/${String(await latest())}/entities/${section}/${id}`,
  );
  expect(response.status(), `${section}/${id}`).toBe(200);
  return ((await response.json()) as { fields: Record<string, unknown> }).fields;
}

/** Types part of a name in the picker labelled `label` and chooses the option showing `name`. */
async function pick(label: string, name: string, list = false): Promise<void> {
  const p = page();
  const input = p.getByRole('combobox', { name: label, exact: true });
  await input.click();
  await input.fill(name.slice(0, Math.min(name.length, 12)));
  const option = p.getByRole('option').filter({ hasText: name }).first();
  await option.waitFor({ timeout: UI_TIMEOUT });
  await option.click();
  if (list) {
    // a list picker shows its choices as chips and empties itself for the next one
    await p.locator('.form-chip', { hasText: name }).waitFor({ timeout: UI_TIMEOUT });
  } else {
    await expect.poll(() => input.inputValue()).toBe(name);
  }
}

describe('entity forms: create with pickers, errors on the field, delete with a warning', () => {
  beforeAll(async () => {
    platform = await startPlatform();
    driver = await startBrowser(platform.url, 'en-US');
    await signIn(driver.context, platform.email, platform.password);
    ids = await appIds(driver.context);
  }, 180_000);

  afterAll(async () => {
    await driver?.close().catch(() => undefined);
    await platform?.close().catch(() => undefined);
  }, 60_000);

  it('creates an asset from the explorer with the zone picked by its name', async () => {
    const p = page();
    const zone = (await rows('zones')).find((z) => z.name !== z.id);
    if (zone === undefined) throw new Error('the demo has no named zone');
    await openPage(p, `${w()}/explore/assets`);
    await p.getByRole('link', { name: 'New asset' }).click();
    await p.getByRole('heading', { name: 'New asset' }).waitFor({ timeout: UI_TIMEOUT });
    await p.getByLabel('Name', { exact: true }).fill('E2E Print Server');
    // the id is proposed from the name
    await expect.poll(() => p.locator('#entity-id').inputValue()).toBe('e2e-print-server');
    await p.getByLabel('Kind (required)').selectOption({ label: 'Printer' });
    await pick('Zone', zone.name);
    // the form's own markup (the shell's top bar is checked by the accessibility test)
    const violations = (await runAxe(p)).filter((v) => !v.selector.includes('topbar'));
    expect(violations, formatAxe(violations, 'new asset form')).toEqual([]);
    await p.getByRole('button', { name: 'Create' }).click();
    await p.getByRole('heading', { name: 'E2E Print Server' }).waitFor({ timeout: UI_TIMEOUT });
    expect(await fields('assets', 'e2e-print-server')).toMatchObject({
      id: 'e2e-print-server',
      name: 'E2E Print Server',
      kind: 'printer',
      zone: zone.id,
    });
  }, 120_000);

  it('shows a missing required field on the field itself, then creates a flow with pickers', async () => {
    const p = page();
    const target = (await rows('assets')).find(
      (a) => a.name !== a.id && a.id !== 'e2e-print-server',
    );
    const data = (await rows('data')).find((d) => d.name !== d.id);
    if (target === undefined || data === undefined) throw new Error('the demo lacks names');
    await openPage(p, `${w()}/explore/flows`);
    await p.getByRole('link', { name: 'New flow' }).click();
    await p.getByRole('heading', { name: 'New flow' }).waitFor({ timeout: UI_TIMEOUT });
    await p.getByLabel('Name', { exact: true }).fill('E2E printing');
    await pick('From (required)', 'E2E Print Server');
    await p.getByRole('button', { name: 'Create' }).click();
    const to = p.locator('[data-path="to"]');
    await expect
      .poll(() => to.textContent(), { timeout: UI_TIMEOUT })
      .toContain('This field is required.');
    const protocol = p.locator('[data-path="protocol"]');
    expect(await protocol.textContent()).toContain('This field is required.');
    expect(await p.locator('[data-path="from"]').textContent()).not.toContain('required.');
    expect(
      await p.getByRole('combobox', { name: 'To (required)' }).getAttribute('aria-invalid'),
    ).toBe('true');

    await pick('To (required)', target.name);
    await p.getByLabel('Protocol (required)').selectOption({ label: 'HTTPS' });
    await pick('Add to “Data”', data.name, true);
    await p.getByRole('button', { name: 'Create' }).click();
    await p.getByRole('heading', { name: 'E2E printing' }).waitFor({ timeout: UI_TIMEOUT });
    expect(await fields('flows', 'e2e-printing')).toMatchObject({
      from: 'e2e-print-server',
      to: target.id,
      protocol: 'https',
      data: [data.id],
    });
  }, 120_000);

  it('lists what references an entity before deleting, then deletes', async () => {
    const p = page();
    await openPage(p, `${w()}/explore/assets/e2e-print-server`);
    await p.getByRole('button', { name: 'Delete' }).click();
    const dialog = p.getByRole('alertdialog');
    await dialog.getByRole('button', { name: 'Delete' }).click();
    // the flow needs it: the warning names the flow and its field, nothing is deleted
    await expect
      .poll(() => dialog.textContent(), { timeout: UI_TIMEOUT })
      .toContain('flow E2E printing, field from (required)');
    expect(await dialog.getByRole('button', { name: /Delete/ }).count()).toBe(0);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await fields('assets', 'e2e-print-server')).toMatchObject({ kind: 'printer' });

    const before = await latest();
    await openPage(p, `${w()}/explore/flows/e2e-printing`);
    await p.getByRole('button', { name: 'Delete' }).click();
    await p.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
    await p.getByRole('heading', { name: 'Flows' }).waitFor({ timeout: UI_TIMEOUT });
    await expect.poll(latest, { timeout: UI_TIMEOUT }).toBe(before + 1);
    expect((await rows('flows')).some((f) => f.id === 'e2e-printing')).toBe(false);

    await openPage(p, `${w()}/explore/assets/e2e-print-server`);
    await p.getByRole('button', { name: 'Delete' }).click();
    await p.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
    await p.getByRole('heading', { name: 'Assets' }).waitFor({ timeout: UI_TIMEOUT });
    await expect.poll(latest, { timeout: UI_TIMEOUT }).toBe(before + 2);
    expect((await rows('assets')).some((a) => a.id === 'e2e-print-server')).toBe(false);
  }, 180_000);
  it("edits an entity with every field of its kind, the server's error on the field", async () => {
    const p = page();
    const asset = ids?.asset ?? '';
    const before = await fields('assets', asset);
    const addresses: unknown[] = Array.isArray(before.addresses) ? before.addresses : [];
    const count = addresses.length;
    await openPage(p, `${w()}/explore/assets/${asset}/edit`);
    // fields the entity does not have are offered too
    await p.getByLabel('Host name', { exact: true }).waitFor({ timeout: UI_TIMEOUT });
    expect(await p.locator('[data-path="wifi"]').count()).toBe(1);
    await p.getByRole('button', { name: 'Add to “IP addresses”' }).click();
    const input = p.locator(`[data-path="addresses[${String(count)}]"] input`);
    await input.fill('999.1.1.1');
    await p.getByRole('button', { name: 'Save' }).click();
    const field = p.locator(`[data-path="addresses[${String(count)}]"]`);
    await expect
      .poll(() => field.textContent(), { timeout: UI_TIMEOUT })
      .toContain('is not a valid IP address');
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    await input.fill('10.99.0.1');
    await p.getByRole('button', { name: 'Save' }).click();
    await p.getByText(/Version \d+ saved\./).waitFor({ timeout: UI_TIMEOUT });
    const after = await fields('assets', asset);
    expect(after.addresses).toEqual([...addresses, '10.99.0.1']);
    // the form reads the saved entity back and still says it was saved
    await p.locator('[data-path="addresses"] input').nth(count).waitFor();
    await p.waitForLoadState('networkidle');
    expect(await p.getByText(/Version \d+ saved\./).isVisible()).toBe(true);
    expect(await p.locator(`[data-path="addresses[${String(count)}]"] input`).inputValue()).toBe(
      '10.99.0.1',
    );
    expect(after.kind).toBe(before.kind);
  }, 120_000);

  it('deletes a data set with the references to it after listing them', async () => {
    const p = page();
    const target = 'data-contacts-site-web';
    const carriers = (await rows('flows')).length;
    await openPage(p, `${w()}/explore/data/${target}`);
    await p.getByRole('button', { name: 'Delete' }).click();
    const dialog = p.getByRole('alertdialog');
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await expect
      .poll(() => dialog.textContent(), { timeout: UI_TIMEOUT })
      .toMatch(/2 references to it will be removed with it:.*flow .*field data\[0\]/);
    await dialog.getByRole('button', { name: 'Delete and remove the references' }).click();
    await p.getByRole('heading', { name: 'Data' }).waitFor({ timeout: UI_TIMEOUT });
    expect((await rows('data')).some((d) => d.id === target)).toBe(false);
    expect((await rows('flows')).length).toBe(carriers);
  }, 120_000);

  it('fits a phone screen', async () => {
    const p = page();
    await p.setViewportSize(PHONE);
    await openPage(p, `${w()}/new/assets`);
    await p.getByRole('button', { name: 'Add to “Network services”' }).click();
    await expectNoHorizontalOverflow(p, 'new asset form');
  }, 120_000);
});
