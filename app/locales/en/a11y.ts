/** English UI strings of keyboard and screen-reader access (issue 14): quoting a phrase without a mouse. */
export default {
  a11y: {
    quote: {
      // The paragraph's text, as a read-only field in which the caret moves and Shift+arrows select.
      textLabel: "Text of paragraph {{number}}",
      hint:
        "Select a phrase with the mouse, or move into the text and select with Shift and the arrow keys, " +
        "then choose “Comment on the selection”.",
      commentOnSelection: "Comment on the selection",
      nothingSelected: "Nothing is selected. Select a phrase in the text of the paragraph first.",
      selected: "Your comment will quote: “{{quote}}”.",
    },
  },
} as const;
