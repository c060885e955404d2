import { Tag } from "antd";
import type { Severity } from "@beian/rules";
import { VERDICT_LABELS, type Verdict } from "../model/site-name-examples";
import { SEVERITY_LABELS } from "../model/finding-help";

const VERDICT_COLORS: Record<Verdict, string> = { pass: "success", warning: "warning", fail: "error" };
const SEVERITY_COLORS: Record<Severity, string> = { error: "error", warning: "warning", review: "processing" };

export const VerdictTag = ({ verdict }: { verdict: Verdict }) => <Tag color={VERDICT_COLORS[verdict]}>{VERDICT_LABELS[verdict]}</Tag>;

export const SeverityTag = ({ severity }: { severity: Severity }) => <Tag color={SEVERITY_COLORS[severity]}>{SEVERITY_LABELS[severity]}</Tag>;
