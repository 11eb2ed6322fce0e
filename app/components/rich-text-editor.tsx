import { useCallback, useEffect, useMemo, useRef, useState } from "react";

import { plainTextToRichText, richTextToPlainText } from "~/lib/richtext/plain-text";
import type { RichTextBlock, RichTextDoc, RichTextInline } from "~/lib/richtext/types";

import type * as TiptapModule from "./rich-text-editor-tiptap";
import type { RichTextEditorProps, TiptapRichTextEditor } from "./rich-text-editor-tiptap";

export type { RichTextEditorProps } from "./rich-text-editor-tiptap";

/**
 * A comment body field for a normal Remix `<Form>`.
 *
 * Field names (the server reads whichever is present):
 * - `name`        the editor's Tiptap JSON, in a hidden input, once the
 *                 editor has started; pass it to `parseRichText`.
 * - `${name}Text` plain text from the `<textarea>` shown before the editor
 *                 has started and without JavaScript; pass it through
 *                 `plainTextToRichText`, then `parseRichText`.
 * Only one of the two is in the form at any time.
 *
 * The editor itself (Tiptap and ProseMirror, ~120 KB gzipped) is in
 * `rich-text-editor-tiptap.tsx`, fetched with a dynamic `import()` when
 * this field is first shown, so that no page carries it in its route
 * chunk (issue 17: an anonymous reader never downloads it). Until it
 * arrives — or for good, if it cannot be fetched — the textarea is the
 * field; what was typed into it and its focus are carried into the editor.
 *
 * `defaultValue` is a stored or re-submitted body: a `RichTextDoc`, its
 * JSON text (a string starting with "{"), or plain text. A body that breaks
 * the comment limits (too long, empty) is still shown so the author can fix
 * it; one that is not an acceptable document at all starts the editor empty.
 *
 * To clear the field after a successful submission, remount it with a new `key`.
 */
export function RichTextEditor(props: RichTextEditorProps) {
  const { name, label, id, defaultValue, describedBy, invalid = false } = props;
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const [Editor, setEditor] = useState<typeof TiptapRichTextEditor | null>(null);
  // Set by the editor in the commit that first shows it, so the two are never both missing.
  const [editorShown, setEditorShown] = useState(false);
  const onShown = useCallback(() => setEditorShown(true), []);
  const fallbackText = useMemo(() => plainTextOf(defaultValue), [defaultValue]);

  useEffect(() => {
    let mounted = true;
    loadEditor().then(
      (module) => {
        if (mounted) setEditor(() => module.TiptapRichTextEditor);
      },
      // Offline or a stale deployment: the textarea keeps working, and the server reads `${name}Text`.
      () => undefined,
    );
    return () => {
      mounted = false;
    };
  }, []);

  return (
    <div className="rte">
      {editorShown ? null : (
        <>
          <label id={`${id}-label`} htmlFor={id} className="rte-label">
            {label}
          </label>
          <textarea
            ref={textareaRef}
            id={id}
            name={`${name}Text`}
            className="rte-fallback"
            rows={8}
            defaultValue={fallbackText}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
          />
        </>
      )}
      {Editor ? <Editor {...props} fallback={textareaRef} onShown={onShown} /> : null}
    </div>
  );
}

let editorModule: Promise<typeof TiptapModule> | undefined;

/** One fetch per page, shared by every field; a failed fetch is tried again by the next field shown. */
function loadEditor() {
  editorModule ??= import("./rich-text-editor-tiptap").catch((error: unknown) => {
    editorModule = undefined;
    throw error;
  });
  return editorModule;
}

/**
 * The text the fallback textarea starts with. The editor checks the body
 * against its ProseMirror schema (`readRichTextDraft`), which needs Tiptap;
 * here, where Tiptap is not loaded, only the shape of the JSON is read, so
 * that a body that is not a comment document shows as empty, as it does in
 * the editor. Showing text is all this is used for: it is never stored.
 */
function plainTextOf(defaultValue: RichTextDoc | string | null | undefined): string {
  if (defaultValue === null || defaultValue === undefined || defaultValue === "") return "";
  if (typeof defaultValue === "string" && !defaultValue.trimStart().startsWith("{")) {
    return richTextToPlainText(plainTextToRichText(defaultValue));
  }
  let value: unknown = defaultValue;
  if (typeof defaultValue === "string") {
    try {
      value = JSON.parse(defaultValue);
    } catch {
      return "";
    }
  }
  return isCommentDoc(value) ? richTextToPlainText(value) : "";
}

/** Deeper than any document the server accepts (`MAX_JSON_DEPTH` counts JSON levels, 4 per list). */
const MAX_BLOCK_NESTING = 8;

function isCommentDoc(value: unknown): value is RichTextDoc {
  return isNode(value, "doc") && Array.isArray(value.content) && value.content.every((b) => isBlock(b, 0));
}

function isBlock(value: unknown, depth: number): value is RichTextBlock {
  if (depth > MAX_BLOCK_NESTING || !isNode(value)) return false;
  if (value.type === "paragraph") return value.content === undefined || isArrayOf(value.content, isInline);
  if (value.type !== "bulletList" && value.type !== "orderedList") return false;
  return isArrayOf(
    value.content,
    (item) => isNode(item, "listItem") && isArrayOf(item.content, (block) => isBlock(block, depth + 1)),
  );
}

function isInline(value: unknown): value is RichTextInline {
  return isNode(value) && (value.type === "hardBreak" || (value.type === "text" && typeof value.text === "string"));
}

function isNode(value: unknown, type?: string): value is { type: string; content?: unknown; text?: unknown } {
  if (value === null || typeof value !== "object") return false;
  const node = value as { type?: unknown };
  return typeof node.type === "string" && (type === undefined || node.type === type);
}

function isArrayOf(value: unknown, check: (item: unknown) => boolean): boolean {
  return Array.isArray(value) && value.every(check);
}
