// @vitest-environment happy-dom
/**
 * Smoke tests of `app/components/rich-text-editor.tsx` in a DOM: it renders
 * the plain-text fallback on the server and before hydration, then the
 * editor once its module has been fetched, and keeps the hidden field in step. (Kept here, next to the
 * extensions it exercises; it can move next to the component.)
 */
import { act } from "react";
import { createRoot, hydrateRoot, type Root } from "react-dom/client";
import { afterEach, describe, expect, it, vi } from "vitest";

import { RichTextEditor } from "~/components/rich-text-editor";

// Keys come back as text: the English strings live in app/locales/en.ts.
vi.mock("react-i18next", () => ({ useTranslation: () => ({ t: (key: string) => key }) }));

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | undefined;
let container: HTMLElement | undefined;

afterEach(() => {
  act(() => root?.unmount());
  container?.remove();
  root = undefined;
});

async function mount(element: React.ReactElement) {
  container = document.createElement("form");
  document.body.append(container);
  root = createRoot(container);
  await act(() => Promise.resolve(root!.render(element)));
  await editorStarted(container);
  return container;
}

/**
 * The editor's module is fetched with a dynamic import once the field is shown; then the
 * editor is created in an effect, and its `create` event comes a tick later.
 */
async function editorStarted(within: HTMLElement) {
  for (let tick = 0; tick < 200 && !within.querySelector(".rte-content"); tick++) {
    await act(() => new Promise((resolve) => setTimeout(resolve, 5)));
  }
  await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
}

const stored = JSON.stringify({
  type: "doc",
  content: [
    {
      type: "paragraph",
      content: [
        { type: "text", text: "Stored ", marks: [{ type: "bold" }] },
        { type: "text", text: "body" },
      ],
    },
  ],
});

describe("RichTextEditor", () => {
  it("keeps the focus of a click into the fallback textarea before hydration, with nothing typed", async () => {
    const element = <RichTextEditor name="body" label="Comment" id="comment-body" />;
    container = document.createElement("form");
    container.innerHTML =
      '<div class="rte"><label id="comment-body-label" for="comment-body" class="rte-label">Comment</label>' +
      '<textarea id="comment-body" name="bodyText" class="rte-fallback" rows="8"></textarea></div>';
    document.body.append(container);
    container.querySelector("textarea")!.focus();
    expect(document.activeElement).toBe(container.querySelector("textarea"));

    await act(() => {
      root = hydrateRoot(container!, element);
      return Promise.resolve();
    });
    await editorStarted(container);

    expect(container.querySelector("textarea")).toBeNull();
    const editable = container.querySelector("#comment-body")!;
    expect(editable.contains(document.activeElement)).toBe(true);
  });

  it("keeps text typed into the fallback textarea before hydration", async () => {
    const element = <RichTextEditor name="body" label="Comment" id="comment-body" />;
    container = document.createElement("form");
    // What the server sends (see rich-text-editor-ssr.test.tsx); rendered there, in Node, because
    // here `window` exists and React would warn about Tiptap's layout effects.
    container.innerHTML =
      '<div class="rte"><label id="comment-body-label" for="comment-body" class="rte-label">Comment</label>' +
      '<textarea id="comment-body" name="bodyText" class="rte-fallback" rows="8"></textarea></div>';
    document.body.append(container);
    const textarea = container.querySelector("textarea")!;
    textarea.value = "Typed while loading\n\nSecond <b>paragraph</b>";

    await act(() => {
      root = hydrateRoot(container!, element);
      return Promise.resolve();
    });
    await editorStarted(container);

    expect(container.querySelector("textarea")).toBeNull();
    expect(container.querySelector("#comment-body")!.innerHTML).toBe(
      "<p>Typed while loading</p><p>Second &lt;b&gt;paragraph&lt;/b&gt;</p>",
    );
    expect(JSON.parse(container.querySelector<HTMLInputElement>('input[name="body"]')!.value)).toEqual({
      type: "doc",
      content: [
        { type: "paragraph", content: [{ type: "text", text: "Typed while loading" }] },
        { type: "paragraph", content: [{ type: "text", text: "Second <b>paragraph</b>" }] },
      ],
    });
  });

  it("hydrates the server's fallback unchanged and keeps it until the editor's module has arrived", async () => {
    const serverHtml =
      '<div class="rte"><label id="comment-body-label" for="comment-body" class="rte-label">Comment</label>' +
      '<textarea id="comment-body" name="bodyText" class="rte-fallback" rows="8">Stored body</textarea></div>';
    container = document.createElement("form");
    container.innerHTML = serverHtml;
    document.body.append(container);
    const error = vi.spyOn(console, "error");

    act(() => {
      root = hydrateRoot(
        container!,
        <RichTextEditor name="body" label="Comment" id="comment-body" defaultValue={stored} />,
      );
    });
    expect(container.innerHTML).toBe(serverHtml);
    expect(error).not.toHaveBeenCalled();
    error.mockRestore();

    await editorStarted(container);
    expect(container.querySelector("textarea")).toBeNull();
    expect(container.querySelector("#comment-body")!.innerHTML).toBe("<p><strong>Stored </strong>body</p>");
  });

  it("replaces the textarea with the editor and posts the JSON in a hidden field", async () => {
    const form = await mount(
      <RichTextEditor name="body" label="Comment" id="comment-body" defaultValue={stored} invalid />,
    );
    expect(form.querySelector("textarea")).toBeNull();

    const content = form.querySelector("#comment-body")!;
    expect(content.getAttribute("role")).toBe("textbox");
    expect(content.getAttribute("aria-multiline")).toBe("true");
    expect(content.getAttribute("aria-labelledby")).toBe("comment-body-label");
    expect(content.getAttribute("aria-invalid")).toBe("true");
    expect(content.getAttribute("contenteditable")).toBe("true");
    expect(content.innerHTML).toBe("<p><strong>Stored </strong>body</p>");

    const hidden = form.querySelector<HTMLInputElement>('input[type="hidden"][name="body"]')!;
    expect(JSON.parse(hidden.value)).toEqual(JSON.parse(stored));

    const buttons = [...form.querySelectorAll("button")].map((button) => [
      button.getAttribute("type"),
      button.getAttribute("aria-label"),
      button.getAttribute("aria-pressed"),
    ]);
    expect(buttons).toEqual([
      ["button", "editor.bold", "false"],
      ["button", "editor.italic", "false"],
      ["button", "editor.bulletList", "false"],
      ["button", "editor.orderedList", "false"],
      ["button", "editor.link", "false"],
    ]);
  });

  it("applies toolbar formatting, shows it as pressed and writes it to the hidden field", async () => {
    const form = await mount(
      <RichTextEditor name="body" label="Comment" id="comment-body" defaultValue="Plain words" />,
    );
    const bulletButton = form.querySelector<HTMLButtonElement>('button[aria-label="editor.bulletList"]')!;
    await act(() => Promise.resolve(bulletButton.click()));

    expect(bulletButton.getAttribute("aria-pressed")).toBe("true");
    const hidden = form.querySelector<HTMLInputElement>('input[name="body"]')!;
    expect(JSON.parse(hidden.value)).toEqual({
      type: "doc",
      content: [
        {
          type: "bulletList",
          content: [
            { type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "Plain words" }] }] },
          ],
        },
      ],
    });
  });

  it("refuses a javascript: link typed into the link prompt and says why", async () => {
    const form = await mount(<RichTextEditor name="body" label="Comment" id="comment-body" defaultValue="Text" />);
    const prompt = vi.spyOn(window, "prompt").mockReturnValue("javascript:alert(1)");
    await act(() =>
      Promise.resolve(form.querySelector<HTMLButtonElement>('button[aria-label="editor.link"]')!.click()),
    );
    prompt.mockRestore();

    expect(form.querySelector('[role="alert"]')?.textContent).toBe("editor.linkInvalid");
    expect(form.querySelector("#comment-body a")).toBeNull();
    expect(form.querySelector<HTMLInputElement>('input[name="body"]')!.value).not.toContain("javascript");
  });

  it("adds an allowed link, completing a bare domain with https://", async () => {
    const form = await mount(<RichTextEditor name="body" label="Comment" id="comment-body" />);
    const prompt = vi.spyOn(window, "prompt").mockReturnValue("example.org/report");
    await act(() =>
      Promise.resolve(form.querySelector<HTMLButtonElement>('button[aria-label="editor.link"]')!.click()),
    );
    prompt.mockRestore();

    expect(form.querySelector("#comment-body")!.innerHTML).toBe(
      '<p><a rel="nofollow noopener noreferrer" href="https://example.org/report">https://example.org/report</a></p>',
    );
  });
});
