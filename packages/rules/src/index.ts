export * from "./finding.js";
export * from "./contact/mobile.js";
