import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/**
 * Noto Sans SC shipped through npm (@expo-google-fonts/noto-sans-sc): no system font is assumed.
 * pdfkit embeds only the glyphs a document uses (subsetting), so a page stays small.
 */
export const FONT_REGULAR = require.resolve("@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf");
export const FONT_BOLD = require.resolve("@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf");
