import type { ParseKeys, TFunction } from "i18next";

/**
 * The one translation function type: i18next's `t` for the app's resources,
 * so keys are checked at compile time wherever a `t` is passed down (routes
 * give loaders' fixed `t` to models and pure code that writes text).
 */
export type Translate = TFunction<"common">;

/** Every key of the English resources (app/locales/en), plural forms folded. */
export type MessageKey = ParseKeys<"common">;

/** The values a message interpolates. */
export type MessageValues = Record<string, string | number>;
