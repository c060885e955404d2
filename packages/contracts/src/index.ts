import { z } from "zod";

// Zod's own messages (wrong types, unknown keys …) in Chinese, on the server and in the browser.
z.config(z.locales.zhCN());

export * from "./errors.js";
export * from "./auth.js";
export * from "./health.js";
export * from "./filings.js";
export * from "./review.js";
export * from "./notifications.js";
export * from "./special-websites.js";
export * from "./provinces.js";
export * from "./forms.js";
