// The project's own lint rules.
import noLiteralUiText from "./no-literal-ui-text.js";

export default { rules: { "no-literal-ui-text": noLiteralUiText } };
