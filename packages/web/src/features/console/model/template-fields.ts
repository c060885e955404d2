import type { TFilingForm } from "@beian/contracts";
import { fieldLabel, filingSections, reasonTargets } from "./field-labels";

/**
 * The fields a return-reason template can point at: the sections of a filing with one website
 * and one domain, the shape reviewers meet most. A reviewer's dialog keeps a template's field
 * only when the filing at hand has it.
 */
const SKELETON = filingSections({ type: "first", form: { websites: [{ domains: [""] }] } as TFilingForm });

export const TEMPLATE_TARGETS = reasonTargets(SKELETON);

/** "websites.0.name" → "网站1 · 网站名称"; no path → "整个备案". */
export const templateFieldLabel = (path: string | null | undefined) => fieldLabel(SKELETON, path);
