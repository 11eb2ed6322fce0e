// Every string a person reads goes through the i18n layer (app/locales): this
// rule reports English written straight into routes, components and models.
// It looks where UI text lives: JSX text, the attributes people read or hear
// (aria-label, title, placeholder, alt, label), and the message of a
// DomainError, which must be an i18n key ("section.name"), not a sentence.
const READ_ATTRIBUTES = new Set(["aria-label", "aria-description", "title", "placeholder", "alt", "label"]);
/** Words: two letters in a row. Punctuation, numbers and symbols alone are not text. */
const HAS_WORDS = /\p{L}{2}/u;
const KEY = /^[a-z][A-Za-z0-9]*(\.[A-Za-z0-9_]+)+$/;
/**
 * A sentence or a title: a capitalized word followed by at least two more
 * words ("Check the highlighted fields.", "No such consultation"). Identifiers,
 * SQL (upper case), paths, MIME types and log messages (lower case) are not.
 */
const PROSE = /^\s*\p{Lu}\p{Ll}+[,;:]?(\s+\S+){2,}\s*$/u;
/** Calls whose strings are for developers and operators, not for the people using the app. */
const DEVELOPER_CALLS = new Set(["logger", "console", "Error", "TypeError", "RangeError", "assert", "invariant"]);

function calleeRoot(node) {
  let callee = node.callee;
  while (callee && callee.type === "MemberExpression") callee = callee.object;
  return callee && callee.type === "Identifier" ? callee.name : null;
}

function forDevelopers(node) {
  for (let parent = node.parent; parent; parent = parent.parent) {
    if (
      (parent.type === "CallExpression" || parent.type === "NewExpression") &&
      DEVELOPER_CALLS.has(calleeRoot(parent))
    ) {
      return true;
    }
    if (parent.type === "ImportDeclaration" || parent.type === "ExportAllDeclaration") return true;
    if (parent.type === "TSLiteralType" || parent.type === "TSTypeAnnotation") return true;
  }
  return false;
}

export default {
  meta: {
    type: "problem",
    docs: { description: "User-visible text must come from app/locales through t()." },
    messages: {
      jsxText: "User-visible text {{text}}: put it in app/locales and render it with t().",
      attribute: "User-visible {{name}} {{text}}: put it in app/locales and use t().",
      errorKey: 'DomainError takes an i18n key ("area.name"), not {{text}}.',
      prose: "User-visible text {{text}}: put it in app/locales and use its key (t() or a Message).",
    },
    schema: [],
  },
  create(context) {
    const quote = (text) => JSON.stringify(text.trim().slice(0, 40));
    return {
      JSXText(node) {
        if (HAS_WORDS.test(node.value))
          context.report({ node, messageId: "jsxText", data: { text: quote(node.value) } });
      },
      JSXAttribute(node) {
        const name = typeof node.name.name === "string" ? node.name.name : "";
        if (!READ_ATTRIBUTES.has(name) || !node.value) return;
        const value =
          node.value.type === "Literal"
            ? node.value.value
            : node.value.type === "JSXExpressionContainer" && node.value.expression.type === "Literal"
              ? node.value.expression.value
              : node.value.type === "JSXExpressionContainer" && node.value.expression.type === "TemplateLiteral"
                ? node.value.expression.quasis.map((q) => q.value.cooked).join(" ")
                : null;
        if (typeof value === "string" && HAS_WORDS.test(value)) {
          context.report({ node, messageId: "attribute", data: { name, text: quote(value) } });
        }
      },
      Literal(node) {
        if (typeof node.value !== "string" || !PROSE.test(node.value)) return;
        if (node.parent.type === "JSXAttribute" || forDevelopers(node)) return;
        context.report({ node, messageId: "prose", data: { text: quote(node.value) } });
      },
      TemplateLiteral(node) {
        const text = node.quasis.map((q) => q.value.cooked ?? "").join("x");
        if (!PROSE.test(text) || node.parent.type === "TaggedTemplateExpression" || forDevelopers(node)) return;
        context.report({ node, messageId: "prose", data: { text: quote(text) } });
      },
      NewExpression(node) {
        if (node.callee.type !== "Identifier" || node.callee.name !== "DomainError") return;
        const message = node.arguments[1];
        if (message && message.type === "Literal" && typeof message.value === "string" && !KEY.test(message.value)) {
          context.report({ node: message, messageId: "errorKey", data: { text: quote(message.value) } });
        }
        if (message && message.type === "TemplateLiteral") {
          context.report({ node: message, messageId: "errorKey", data: { text: "a template string" } });
        }
      },
    };
  },
};
