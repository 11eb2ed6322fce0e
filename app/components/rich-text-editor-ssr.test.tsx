/**
 * Server rendering of `app/components/rich-text-editor.tsx`, in plain Node
 * as in Remix: no editor, a labelled plain-text textarea that works without
 * JavaScript (posted as `${name}Text`).
 */
import { renderToString } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";

import { RichTextEditor } from "~/components/rich-text-editor";

vi.mock("react-i18next", () => ({ useTranslation: () => ({ t: (key: string) => key }) }));

const stored = JSON.stringify({
  type: "doc",
  content: [
    {
      type: "paragraph",
      content: [
        { type: "text", text: "Stored ", marks: [{ type: "bold" }] },
        { type: "text", text: "<body>" },
      ],
    },
  ],
});

describe("RichTextEditor on the server", () => {
  it("renders a labelled plain-text textarea holding the stored body as text", () => {
    const html = renderToString(
      <RichTextEditor name="body" label="Comment" id="comment-body" defaultValue={stored} describedBy="hint" invalid />,
    );
    expect(html).toBe(
      '<div class="rte"><label id="comment-body-label" for="comment-body" class="rte-label">Comment</label>' +
        '<textarea id="comment-body" name="bodyText" class="rte-fallback" rows="8" ' +
        'aria-describedby="hint" aria-invalid="true">' +
        "Stored &lt;body&gt;</textarea></div>",
    );
  });

  it("starts empty when the stored body is not an acceptable document", () => {
    const html = renderToString(
      <RichTextEditor
        name="body"
        label="Comment"
        id="c"
        defaultValue={JSON.stringify({ type: "doc", content: [{ type: "iframe" }] })}
      />,
    );
    expect(html).toContain('name="bodyText" class="rte-fallback" rows="8"></textarea>');
  });
});
