import type { Page } from "playwright-core";

/** Signs in on the login page and waits for the console's queue (staff land there). */
export async function signInToConsole(page: Page, baseUrl: string, who: { email: string; password: string }) {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel("邮箱", { exact: true }).fill(who.email);
  await page.getByLabel("密码", { exact: true }).fill(who.password);
  await page.getByRole("button", { name: "登录" }).click();
  await page.getByRole("heading", { name: "审核队列" }).waitFor();
}

/** Waits for antd's zoom and slide animations to end: a click on a moving button is lost. */
export async function settle(page: Page) {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getComputedTiming().endTime !== Infinity)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
}

/** Confirms the open pop-confirm with its button, once it has stopped moving. */
export async function confirmPopover(page: Page, button: string) {
  const ok = page.locator(".ant-popover:visible").getByRole("button", { name: button, exact: true });
  await ok.waitFor();
  await settle(page);
  await ok.click();
}

/**
 * Picks an option of the open antd Select (its list is virtual: narrow it by typing first when
 * long). A click that lands while the list is still sliding in is lost: then it clicks again.
 */
export async function pickOption(page: Page, text: string) {
  const option = page.locator(".ant-select-dropdown:visible .ant-select-item-option").filter({ hasText: text }).first();
  await option.click();
  await option.waitFor({ state: "hidden", timeout: 2_000 }).catch(() => option.click());
  await option.waitFor({ state: "hidden" });
}

/** Elements the reader would have to swipe sideways: they scroll horizontally and have more than fits. */
export const sidewaysScrollers = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>("body *")]
      .filter((el) => ["auto", "scroll"].includes(getComputedStyle(el).overflowX) && el.scrollWidth > el.clientWidth + 1)
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join(".")}`),
  );
