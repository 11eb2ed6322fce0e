import { EditorContent, useEditor, useEditorState, type Editor } from "@tiptap/react";
import { useId, useLayoutEffect, useMemo, useRef, useState, type ReactNode, type RefObject } from "react";
import { useTranslation } from "react-i18next";

import { richTextExtensions } from "~/lib/richtext/extensions";
import { isAllowedLinkHref } from "~/lib/richtext/link-href";
import { plainTextToRichText, richTextToPlainText } from "~/lib/richtext/plain-text";
import type { RichTextDoc } from "~/lib/richtext/types";
import { readRichTextDraft } from "~/lib/richtext/validate";

/** Props of `RichTextEditor` (rich-text-editor.tsx), which renders this component once this module has loaded. */
export interface RichTextEditorProps {
  name: string;
  label: string;
  id: string;
  defaultValue?: RichTextDoc | string | null;
  describedBy?: string;
  invalid?: boolean;
  /** Called with the document's JSON after every edit (e.g. to keep a local draft). */
  onChange?: (json: string) => void;
}

/**
 * The Tiptap editor behind `RichTextEditor`, in its own module so that it is
 * fetched only when a comment form is shown (see rich-text-editor.tsx).
 * It renders inside that component's `.rte` element, next to the fallback
 * textarea, and draws nothing until the editor exists; then it calls
 * `onShown`, in the same commit, for the textarea to go.
 */
export function TiptapRichTextEditor({
  name,
  label,
  id,
  defaultValue,
  describedBy,
  invalid = false,
  onChange,
  fallback,
  onShown,
}: RichTextEditorProps & {
  /** The textarea shown until now: what was typed into it and its focus go into the editor. */
  fallback: RefObject<HTMLTextAreaElement | null>;
  onShown: () => void;
}) {
  const { t } = useTranslation();
  const labelId = `${id}-label`;
  const linkErrorId = `${useId()}-link-error`;
  const typedIntoFallback = useRef<{ text: string | null; focused: boolean } | null>(null);
  const [linkError, setLinkError] = useState<string | null>(null);

  const initial = useMemo(() => initialDoc(defaultValue), [defaultValue]);
  const [json, setJson] = useState(() => (initial ? JSON.stringify(initial) : ""));

  const describedByIds = [describedBy, linkError ? linkErrorId : undefined].filter(Boolean).join(" ") || undefined;

  const editor = useEditor({
    extensions: richTextExtensions,
    content: initial ?? "",
    // Created in an effect, while the fallback textarea is still on the page (see onBeforeCreate).
    immediatelyRender: false,
    // Tiptap would add a <style> element, which the Content-Security-Policy (style-src 'self') blocks;
    // its rules are in app.css instead.
    injectCSS: false,
    editorProps: {
      attributes: {
        id,
        class: "rte-content",
        role: "textbox",
        "aria-multiline": "true",
        "aria-labelledby": labelId,
        ...(describedByIds ? { "aria-describedby": describedByIds } : {}),
        ...(invalid ? { "aria-invalid": "true" } : {}),
        // Each paragraph takes its direction from its first strong character (Arabic, Hebrew…).
        dir: "auto",
      },
    },
    // Runs synchronously while the textarea is still on the page (`create` comes a tick
    // later, after React has replaced it): note what was typed into it while the page and
    // this module were loading. Its starting text is compared with what the editor would show, not
    // with its default value: a body whose shape passed there but not the schema here keeps its text.
    // A click or tap into the textarea without typing counts too: the editor then takes the focus
    // (and the on-screen keyboard stays up) instead of dropping it when the textarea goes.
    onBeforeCreate: () => {
      const textarea = fallback.current;
      if (!textarea) return;
      const changed = textarea.value !== (initial ? richTextToPlainText(initial) : "");
      const focused = textarea.ownerDocument.activeElement === textarea;
      typedIntoFallback.current = changed || focused ? { text: changed ? textarea.value : null, focused } : null;
    },
    onCreate: ({ editor: created }) => {
      const typed = typedIntoFallback.current;
      typedIntoFallback.current = null;
      if (typed?.text != null) created.commands.setContent(plainTextToRichText(typed.text), { emitUpdate: false });
      setJson(JSON.stringify(created.getJSON()));
      if (typed?.focused) created.commands.focus("end");
    },
    onUpdate: ({ editor: updated }) => {
      const next = JSON.stringify(updated.getJSON());
      setJson(next);
      setLinkError(null);
      onChange?.(next);
    },
  });

  // The snapshot only refreshes on transactions, so it can still hold `editor: null` right after
  // the editor is created: fall back to "nothing pressed" rather than waiting for it.
  const active =
    useEditorState({
      editor,
      selector: ({ editor: current }) =>
        current
          ? {
              bold: current.isActive("bold"),
              italic: current.isActive("italic"),
              bulletList: current.isActive("bulletList"),
              orderedList: current.isActive("orderedList"),
              link: current.isActive("link"),
            }
          : null,
    }) ?? NOTHING_ACTIVE;

  useLayoutEffect(() => {
    if (editor) onShown();
  }, [editor, onShown]);

  if (!editor) return null;

  const editLink = () => {
    const current = editor.getAttributes("link").href as string | undefined;
    if (current) {
      editor.chain().focus().extendMarkRange("link").unsetLink().run();
      return;
    }
    const answer = window.prompt(t("editor.linkPrompt"), "https://");
    if (answer === null) return;
    const href = completeHref(answer);
    if (href === "" || href === "https://") {
      editor.commands.focus();
      return;
    }
    if (!isAllowedLinkHref(href)) {
      setLinkError(t("editor.linkInvalid"));
      editor.commands.focus();
      return;
    }
    setLinkError(null);
    if (editor.state.selection.empty) {
      editor
        .chain()
        .focus()
        .insertContent({ type: "text", text: href, marks: [{ type: "link", attrs: { href } }] })
        .run();
    } else {
      editor.chain().focus().extendMarkRange("link").setLink({ href }).run();
    }
  };

  return (
    <>
      {/* A contenteditable element cannot be a label's control: aria-labelledby names it,
          and a click on the label focuses it as a click on a textarea's label would. */}
      <label id={labelId} htmlFor={id} className="rte-label" onClick={() => editor.commands.focus()}>
        {label}
      </label>
      <div className="rte-toolbar" role="group" aria-label={t("editor.toolbar")}>
        <ToolbarButton editor={editor} label={t("editor.bold")} pressed={active.bold} onPress={(c) => c.toggleBold()}>
          <strong aria-hidden="true">B</strong>
        </ToolbarButton>
        <ToolbarButton
          editor={editor}
          label={t("editor.italic")}
          pressed={active.italic}
          onPress={(c) => c.toggleItalic()}
        >
          <em aria-hidden="true">I</em>
        </ToolbarButton>
        <ToolbarButton
          editor={editor}
          label={t("editor.bulletList")}
          pressed={active.bulletList}
          onPress={(c) => c.toggleBulletList()}
        >
          <span aria-hidden="true">•</span>
        </ToolbarButton>
        <ToolbarButton
          editor={editor}
          label={t("editor.orderedList")}
          pressed={active.orderedList}
          onPress={(c) => c.toggleOrderedList()}
        >
          {/* "1." drawn by the stylesheet: a symbol, not a text label, so the button's name need not contain it. */}
          <span aria-hidden="true" className="rte-glyph-ordered-list" />
        </ToolbarButton>
        <button
          type="button"
          className="rte-button"
          aria-label={t("editor.link")}
          title={active.link ? t("editor.removeLink") : t("editor.link")}
          aria-pressed={active.link}
          onClick={editLink}
        >
          <span aria-hidden="true">{t("editor.link")}</span>
        </button>
      </div>
      <EditorContent editor={editor} />
      {linkError ? (
        <p id={linkErrorId} className="rte-error" role="alert">
          {linkError}
        </p>
      ) : null}
      <input type="hidden" name={name} value={json} />
    </>
  );
}

const NOTHING_ACTIVE = { bold: false, italic: false, bulletList: false, orderedList: false, link: false };

type Chain = ReturnType<Editor["chain"]>;

function ToolbarButton({
  editor,
  label,
  pressed,
  onPress,
  children,
}: {
  editor: Editor;
  label: string;
  pressed: boolean;
  onPress: (chain: Chain) => Chain;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className="rte-button"
      aria-label={label}
      title={label}
      aria-pressed={pressed}
      onClick={() => onPress(editor.chain().focus()).run()}
    >
      {children}
    </button>
  );
}

/**
 * What people type into the link prompt: "example.org" means https, and an
 * address with "@" and no scheme means mailto. Anything with a scheme is
 * left as typed, so "javascript:…" still reaches the check and is refused.
 */
function completeHref(typed: string): string {
  const href = typed.trim();
  if (href === "" || /^[a-z][a-z0-9+.-]*:/i.test(href)) return href;
  if (/^[^\s@/]+@[^\s@/]+\.[^\s@/]+$/.test(href)) return `mailto:${href}`;
  return `https://${href.replace(/^\/+/, "")}`;
}

function initialDoc(defaultValue: RichTextDoc | string | null | undefined): RichTextDoc | null {
  if (defaultValue === null || defaultValue === undefined || defaultValue === "") return null;
  if (typeof defaultValue === "string" && !defaultValue.trimStart().startsWith("{")) {
    return plainTextToRichText(defaultValue);
  }
  return readRichTextDraft(defaultValue);
}
