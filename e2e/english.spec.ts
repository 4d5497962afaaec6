import { type Page, expect, test } from "@playwright/test";
import { DEMO_PASSWORD, query } from "./helpers";

// English as the second language (docs/i18n.md): the main path of each role in English, and
// back to Chinese. Each test uses a person no other spec signs in as, and leaves them in
// Chinese, so the other specs (which read the Chinese) are not affected.

const accountLocale = async (username: string) => (await query<{ locale: string }>(`SELECT locale FROM "User" WHERE username = $1`, [username]))[0].locale;

/** The header's 中文/English buttons (the phone menu has another copy, hidden on a desktop). */
const switcher = (page: Page) => page.locator('[data-testid="locale-switcher"]:visible').first();

/** No Chinese in the page's own words: names from the data (people, parks, enterprises, projects) are taken out first. */
async function chromeText(page: Page, selector = "main"): Promise<string> {
  return page.locator(selector).evaluate((root) => {
    const clone = root.cloneNode(true) as HTMLElement;
    clone.querySelectorAll("[data-user-text], a[href^='/projects/'], a[href^='/enterprises/'], a[href^='/issues/']").forEach((n) => n.remove());
    return clone.innerText;
  });
}

async function signInEnglish(page: Page, username: string) {
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("current-user")).toBeVisible({ timeout: 30_000 });
}

test("a liaison chooses English on the sign-in page, works in it on a phone, and switches back to Chinese", async ({ browser }) => {
  const user = "liaison_hhgx_2";
  const context = await browser.newContext({ locale: "en-US", viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto("/login");
  // The browser prefers English: the sign-in page follows it before anyone chooses.
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  // Choosing on the sign-in page: 中文, then English again.
  await page.getByRole("button", { name: "中文" }).click();
  await expect(page.getByRole("button", { name: "登录" })).toBeVisible();
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  await signInEnglish(page, user);
  // The choice made on the sign-in page is now the account's.
  await expect.poll(() => accountLocale(user)).toBe("en");

  await page.goto("/liaison");
  await expect(page.getByRole("heading", { level: 1, name: "My liaison work" })).toBeVisible();
  await expect(page.getByTestId("liaison-counts")).toContainText("Visits due");
  await page.getByTestId("nav-toggle").click();
  await expect(page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "My enterprises" })).toBeVisible();
  await page.getByTestId("nav-toggle").click();

  // The visit form, sent without its summary: the server's message comes back in English.
  await page.goto("/visits/new");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/visit/i);
  await page.getByRole("button", { name: "Save visit" }).click();
  await expect(page.getByText("Please fill in the visit summary")).toBeVisible();
  expect(await chromeText(page)).not.toMatch(/请|须|不能/);

  // Back to Chinese from the phone menu: the page and the account follow.
  await page.getByTestId("nav-toggle").click();
  await switcher(page).getByRole("button", { name: "中文" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("登记走访");
  await expect.poll(() => accountLocale(user)).toBe("zh-CN");
  await context.close();
});

test("park staff move through the board in English, leaders read the dashboard in English", async ({ browser }) => {
  for (const [user, path, heading, words] of [
    ["staff_hhgx_2", "/board", /Project board/, ["Signed", "Landed", "Started", "Producing", "Move"]],
    ["leader_hhjk", "/dashboard", /Leadership dashboard/, ["Signed projects", "Start rate", "Park ranking"]],
  ] as const) {
    // A Chinese browser: the sign-in page is Chinese, English is chosen from the account page.
    const context = await browser.newContext({ locale: "zh-CN" });
    const page = await context.newPage();
    await page.goto("/login");
    await page.getByLabel("用户名").fill(user);
    await page.getByLabel("密码").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.getByTestId("current-user")).toBeVisible({ timeout: 30_000 });
    await page.goto("/account");
    await page.getByTestId("account-language").getByRole("button", { name: "English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1, name: "My account" })).toBeVisible();

    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
    for (const w of words) await expect(page.locator("main")).toContainText(w);

    await switcher(page).getByRole("button", { name: "中文" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect.poll(() => accountLocale(user)).toBe("zh-CN");
    await context.close();
  }
});
