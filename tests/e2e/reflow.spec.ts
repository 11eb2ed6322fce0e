/**
 * Zoom and reflow (issue 14): at 320 CSS px (a 1280 px window at 400 % zoom) no page scrolls sideways
 * (WCAG 1.4.10; a data table may scroll inside its own container); with the text-spacing overrides of
 * WCAG 1.4.12 nothing that holds text clips it; with prefers-reduced-motion nothing moves.
 */
import { buildAnnotatedGcaDocx } from "~/lib/import/__fixtures__/annotated-gca";
import { reviewedDraft } from "~/lib/import/__fixtures__/tracked-changes";

import { editorReady, expect, hydrated, test, type SubmittedComment } from "./fixtures";
import { callDataService } from "./support/data-client";

import type { Page } from "@playwright/test";

/** WCAG 1.4.12's overrides, as a user style sheet would set them. */
const TEXT_SPACING = `
  * { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
  p, li, dd, blockquote, figcaption { margin-block-end: 2em !important; }
`;

/** What scrolls sideways: the page itself, and any element wider than the page that is not in a scroller of its own. */
async function sidewaysOverflow(page: Page) {
  return page.evaluate(() => {
    const root = document.documentElement;
    const found: string[] = [];
    if (root.scrollWidth <= root.clientWidth + 1) return found;
    found.push(`page: ${root.scrollWidth} > ${root.clientWidth}`);
    // The culprits, named: the outermost elements that end past the page's edge, unless inside a scroller.
    const scrolls = (element: Element) => /auto|scroll|hidden/.test(getComputedStyle(element).overflowX);
    const past = (element: Element) => {
      const rect = element.getBoundingClientRect();
      return rect.right > root.clientWidth + 1;
    };
    for (const element of document.querySelectorAll<HTMLElement>("body *")) {
      if (!past(element) || element.getClientRects().length === 0) continue;
      const parent = element.parentElement;
      if (parent && parent !== document.body && (past(parent) || scrolls(parent))) continue;
      if (element.closest("[inert]") && !element.closest(".comment-panel")) continue;
      found.push(`${Math.round(element.getBoundingClientRect().right)}: ${element.outerHTML.slice(0, 90)}`);
      if (found.length > 6) break;
    }
    return found;
  });
}

/** Elements that hold text and hide part of it (overflow hidden or clip, content larger than the box). */
async function clippedText(page: Page) {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const element of document.querySelectorAll<HTMLElement>("body *")) {
      if (element.closest(".visually-hidden, [hidden], [aria-hidden='true']")) continue;
      const style = getComputedStyle(element);
      const hides = (value: string) => value === "hidden" || value === "clip";
      if (!hides(style.overflowX) && !hides(style.overflowY)) continue;
      if (!element.textContent?.trim() && !(element instanceof HTMLTextAreaElement)) continue;
      if (element.getClientRects().length === 0) continue;
      // Hidden on purpose, for screen readers only (clipped to a pixel, like .visually-hidden).
      if (element.clientWidth <= 1 || element.clientHeight <= 1) continue;
      // A one-line preview ending in "…" (a folded change's first words): the whole text is a click away.
      if (style.textOverflow === "ellipsis") continue;
      const tall = hides(style.overflowY) && element.scrollHeight > element.clientHeight + 2;
      const wide = hides(style.overflowX) && element.scrollWidth > element.clientWidth + 2;
      if (tall || wide)
        found.push(`${element.tagName.toLowerCase()}.${element.className}: ${element.outerHTML.slice(0, 80)}`);
    }
    return found;
  });
}

async function expectReflows(page: Page, state: string) {
  expect.soft(await sidewaysOverflow(page), `${state}: scrolls sideways at 320 px`).toEqual([]);
  await page.addStyleTag({ content: TEXT_SPACING });
  expect.soft(await sidewaysOverflow(page), `${state}: scrolls sideways with text spacing`).toEqual([]);
  expect.soft(await clippedText(page), `${state}: text clipped with text spacing`).toEqual([]);
}

const FEEDBACK: (delegation: SubmittedComment["organization"]) => SubmittedComment[] = (delegation) => [
  { organization: delegation, paragraph: "2-9-a", type: "technical", text: "Name the national CIRT here." },
  {
    organization: delegation,
    paragraph: "4-5",
    type: "editorial",
    text: "A typo in the second sentence.",
    disposition: { status: "noted", response: "Will be checked." },
  },
];

test.describe("at 320 CSS px (400 % zoom of a 1280 px window)", () => {
  // The text-spacing overrides are a style sheet added to the page, which the CSP would refuse.
  test.use({ viewport: { width: 320, height: 640 }, bypassCSP: true });

  test("reader, panel, comparison, workspace and dashboard reflow; text spacing does not clip", async ({
    page,
    gca,
    people,
    signInAs,
    pageAs,
    addComments,
  }) => {
    test.setTimeout(240_000);
    await addComments(gca, FEEDBACK(people.delegation));
    await signInAs(people.delegate);
    const pages: [string, string, ((page: Page) => Promise<void>)?][] = [
      ["/", "home"],
      [gca.path(), "consultation overview"],
      [gca.path("/versions/1"), "reader"],
      [gca.path("/versions/1?p=2-9-a#p-2-9-a"), "reader, panel open", (p) => editorReady(p.locator(".comment-panel"))],
      [gca.path("/compare/1...2?only=changes"), "comparison, changes only"],
      [gca.path("/delegation"), "workspace"],
      ["/account", "account"],
    ];
    for (const [path, state, ready] of pages) {
      await page.goto(path);
      await hydrated(page);
      await ready?.(page);
      await expectReflows(page, state);
    }
    const officer = await pageAs(people.secretariat);
    for (const [path, state] of [
      [gca.path("/feedback"), "feedback dashboard"],
      [gca.path("/feedback/paragraphs/2-9-a"), "feedback on one paragraph"],
      ["/admin/people", "people"],
    ]) {
      await officer.setViewportSize({ width: 320, height: 640 });
      await officer.goto(path);
      await hydrated(officer);
      await expectReflows(officer, state);
    }
  });
  test("the Word comment import and its report, a tracked-changes review and a real pair's sections reflow", async ({
    page,
    gca,
    people,
    signInAs,
    created,
    suffix,
  }, testInfo) => {
    test.setTimeout(300_000);
    // A delegate's import of an annotated copy: the imported drafts and the report of what could not be placed.
    await signInAs(people.delegate);
    await page.goto(gca.path("/delegation/import"));
    await hydrated(page);
    await expectReflows(page, "Word comment import");
    await page.getByLabel("Word file (.docx)").setInputFiles({
      name: "C20-65-annotated-by-the-delegation-of-example.docx",
      mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      buffer: Buffer.from(await buildAnnotatedGcaDocx()),
    });
    await page.getByRole("button", { name: "Import the comments" }).click();
    await expect(page.getByRole("status")).toHaveText("3 comments imported as drafts.", { timeout: 60_000 });
    await page.screenshot({ path: testInfo.outputPath("word-import-320.png"), fullPage: true });
    await expectReflows(page, "Word comment import, report");

    // The secretariat's review of a file's tracked changes in the upload form.
    await signInAs(people.secretariat);
    await page.goto(gca.path());
    await hydrated(page);
    await page.getByText("Upload a new version").click();
    const form = page.locator(".manage-upload");
    await form.getByLabel("Document file").setInputFiles({
      name: "draft-2-with-the-changes-of-the-editing-committee.docx",
      mimeType: "application/octet-stream",
      buffer: Buffer.from(await reviewedDraft()),
    });
    await form.getByLabel("Version name").fill("Draft 2 (reviewed)");
    await form.getByRole("button", { name: "Upload and import" }).click();
    const review = form.getByRole("region", { name: /^Tracked changes in / });
    await expect(review).toBeVisible({ timeout: 60_000 });
    await review.scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath("tracked-changes-review-320.png") });
    await expectReflows(page, "tracked-changes review");

    // A real pair whose section headings were renumbered, renamed, moved and deleted.
    const nist = await callDataService("createRealPairConsultation", { suffix, pair: "nist" });
    created.consultationIds.push(nist.id);
    await page.goto(`/consultations/${nist.slug}/compare/1...2`);
    await hydrated(page);
    await page.locator(".section-change").first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath("compare-sections-320.png") });
    await expectReflows(page, "comparison of a real pair, section headings");
  });
});

test.describe("with prefers-reduced-motion", () => {
  test.use({ reducedMotion: "reduce", bypassCSP: true });

  test("nothing animates, nothing scrolls smoothly", async ({ page, gca }) => {
    await page.goto(gca.path("/compare/1...2?only=changes"));
    await hydrated(page);
    // Whatever a later rule may add: a transition and an animation are cut short too.
    await page.addStyleTag({ content: ".probe-motion { transition: opacity 2s; animation: spin 3s infinite; }" });
    await page.evaluate(() => {
      const probe = document.createElement("p");
      probe.className = "probe-motion";
      probe.textContent = "probe";
      document.querySelector("main")?.append(probe);
    });
    const moving = await page.evaluate(() => {
      const seconds = (value: string) => Math.max(...value.split(",").map((part) => parseFloat(part) || 0));
      const found: string[] = [];
      if (getComputedStyle(document.documentElement).scrollBehavior === "smooth") found.push("html: smooth scroll");
      for (const element of document.querySelectorAll<HTMLElement>("*")) {
        const style = getComputedStyle(element);
        if (seconds(style.transitionDuration) > 0.01 || seconds(style.animationDuration) > 0.01) {
          found.push(element.outerHTML.slice(0, 80));
        }
        if (style.scrollBehavior === "smooth") found.push(`smooth scroll: ${element.outerHTML.slice(0, 80)}`);
      }
      return found;
    });
    expect(moving).toEqual([]);
  });
});
