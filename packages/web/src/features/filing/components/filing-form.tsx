import type { TFiling } from "@beian/contracts";
import { Alert, App, Button, Flex, Form, Grid, Steps } from "antd";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { filingsApi } from "../../../api/filings";
import { ApiError } from "../../../lib/api";
import { HELP_FOR_STEP } from "../../help/links";
import { focusPath } from "../model/focus-path";
import { toApiForm, type FormValues } from "../model/form-values";
import { STEPS, stepOf, type StepKey } from "../model/labels";
import { hasValue, leafPaths, valueAt } from "../model/paths";
import { useAutosave } from "../model/use-autosave";
import { useLiveFindings } from "../model/use-live-findings";
import { usePolicies } from "../model/use-policies";
import { ConfirmStep } from "./confirm-step";
import { FindingsContext, indexFindings } from "./findings-context";
import { FindingsList, type ListedFinding } from "./findings-list";
import { FormActionsContext } from "./form-actions";
import { MaterialsStep } from "./materials-step";
import { SaveStatus } from "./save-status";
import { SubjectStep } from "./subject-step";
import { WebsitesStep } from "./websites-step";

const stepIndex = (key: string | null) => Math.max(0, STEPS.findIndex((s) => s.key === key));

/**
 * The stepped filing form (主体信息 → 网站信息 → 上传资料 → 确认提交). Every change is checked
 * at once by the rules' preReview and saved shortly after; findings show under their fields once
 * the applicant has typed there or the step has been checked.
 */
export function FilingForm({ filing, initial, restored, onSubmitted }: { filing: TFiling; initial: FormValues; restored: boolean; onSubmitted: () => void }) {
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<FormValues>();
  const [values, setValues] = useState<FormValues>(initial);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [refusals, setRefusals] = useState<ListedFinding[] | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [params, setParams] = useSearchParams();
  const step = STEPS[stepIndex(params.get("step"))]!.key;
  const [revealed, setRevealed] = useState<ReadonlySet<StepKey>>(() => new Set(params.get("field") ? [step] : []));
  // A link from the status page may name the field to open ("?step=websites&field=websites.0.name").
  const pendingFocus = useRef<string | null>(params.get("field"));
  const autosave = useAutosave(filing.id, filing.version);
  const { schedule, flush } = autosave;

  const apiForm = useMemo(() => toApiForm(values), [values]);
  const policies = usePolicies();
  const findings = useLiveFindings(apiForm, filing.type, policies);

  useEffect(() => {
    if (restored) {
      schedule(initial);
      void message.info("已恢复上次未保存到服务器的填写内容，正在保存。");
    }
    // Once, for the values the page was opened with.
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  const changed = useCallback(
    (paths: string[]) => {
      const all = form.getFieldsValue(true) as FormValues;
      setValues(all);
      setTouched((t) => new Set([...t, ...paths]));
      schedule(all);
    },
    [form, schedule],
  );

  const actions = useMemo(
    () => ({
      setField(path: (string | number)[], value: unknown) {
        form.setFieldValue(path as never, value);
        changed([path.join("."), ...leafPaths(value, path.join("."))]);
      },
    }),
    [form, changed],
  );

  // R-REV-1: a returned filing carries the reasons, each at the field it concerns.
  const reasons = useMemo<ListedFinding[]>(
    () => (filing.status === "returned_by_provider" || filing.status === "returned_by_bureau" ? (filing.returns.at(-1)?.reasons ?? []) : []).map((r) => ({ path: r.path ?? "", code: r.code, message: r.message })),
    [filing],
  );

  const view = useMemo(() => {
    const byPath = indexFindings(findings);
    const returns = indexFindings(reasons.map((r) => ({ ...r, severity: "error" as const, ruleId: "R-REV-1", message: `退回原因：${r.message}` })));
    const shown = (path: string) =>
      revealed.has(stepOf(path)) ||
      touched.has(path) ||
      hasValue(valueAt(values, path)) ||
      hasValue(valueAt(apiForm, path));
    return { byPath, shown, returns };
  }, [findings, reasons, revealed, touched, values, apiForm]);

  const goToStep = useCallback(
    (key: StepKey, focus?: string) => {
      pendingFocus.current = focus ?? null;
      setParams((p) => {
        const next = new URLSearchParams(p);
        next.set("step", key);
        return next;
      });
      if (!focus) window.scrollTo({ top: 0 });
    },
    [setParams],
  );

  useEffect(() => {
    const path = pendingFocus.current;
    if (!path) return;
    // The step's fields render first; materials load their checklist, so retry briefly.
    let tries = 0;
    const t = setInterval(() => {
      if (focusPath(path) || ++tries > 20) {
        clearInterval(t);
        pendingFocus.current = null;
      }
    }, 100);
    return () => clearInterval(t);
  }, [step]);

  const goToFinding = useCallback(
    (f: ListedFinding) => {
      const key = stepOf(f.path, f.code);
      setRevealed((r) => new Set([...r, key]));
      if (key === step) focusPath(f.path);
      else goToStep(key, f.path);
    },
    [goToStep, step],
  );

  const stepErrors = (key: StepKey) => [...findings.filter((f) => f.severity === "error"), ...(refusals ?? [])].filter((f) => stepOf(f.path, f.code) === key);

  function next() {
    const errors = stepErrors(step);
    setRevealed((r) => new Set([...r, step]));
    if ((step === "subject" || step === "websites") && errors.length > 0) {
      void message.warning(`本步骤还有 ${errors.length} 项需要修改，请按红色提示修改（草稿已自动保存）。`);
      setTimeout(() => focusPath(errors[0]!.path), 50);
      return;
    }
    goToStep(STEPS[stepIndex(step) + 1]!.key);
  }

  async function submit() {
    setSubmitting(true);
    setRefusals(null);
    try {
      if (!(await flush())) {
        void message.error("最新填写的内容还没能保存到服务器，请检查网络后重试。");
        return;
      }
      for (let attempt = 0; ; attempt++) {
        try {
          await filingsApi.submit(filing.id, autosave.version());
          void message.success("已提交接入商审核");
          onSubmitted();
          return;
        } catch (error) {
          if (error instanceof ApiError && error.code === "FILING_VERSION_CONFLICT" && attempt === 0) {
            autosave.setVersion((await filingsApi.get(filing.id)).version);
            continue;
          }
          throw error;
        }
      }
    } catch (error) {
      if (error instanceof ApiError && error.errors.length > 0) {
        setRefusals(error.errors);
        setRevealed(new Set(STEPS.map((s) => s.key)));
        window.scrollTo({ top: 0 });
      } else {
        void message.error(error instanceof ApiError ? error.detail : "提交失败，请稍后重试。");
      }
    } finally {
      setSubmitting(false);
    }
  }

  const current = stepIndex(step);
  return (
    <FindingsContext.Provider value={view}>
      <FormActionsContext.Provider value={actions}>
        <Flex justify="space-between" align="center" gap={12} style={{ minHeight: 22, margin: "4px 0 12px" }}>
          <Link to={HELP_FOR_STEP[step]!.to} target="_blank" data-testid="step-help">
            帮助：{HELP_FOR_STEP[step]!.label}
          </Link>
          <SaveStatus state={autosave.state} />
        </Flex>
        {reasons.length > 0 && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            title={`${filing.stage}：请按以下退回原因修改后重新提交（原因也标注在对应的填写项旁）`}
            description={<FindingsList items={reasons} form={apiForm} onGo={goToFinding} />}
            data-testid="return-reasons"
          />
        )}
        {autosave.state.kind === "locked" && (
          <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="该备案已提交，不能再修改。" action={<Link to={`/filings/${filing.id}`}>查看进度</Link>} />
        )}
        <Steps
          current={current}
          size="small"
          responsive={false}
          titlePlacement={screens.md ? "horizontal" : "vertical"}
          style={{ marginBottom: 24 }}
          onChange={(i) => goToStep(STEPS[i]!.key)}
          items={STEPS.map((s, i) => ({
            title: s.title,
            status: i === current ? "process" : revealed.has(s.key) && stepErrors(s.key).length > 0 ? "error" : i < current ? "finish" : "wait",
          }))}
        />
        <Form
          form={form}
          layout="vertical"
          initialValues={initial}
          requiredMark={false}
          onValuesChange={(changedValues) => changed(leafPaths(changedValues))}
          // Drafts are never "submitted" as an HTML form; Enter must not leave the page.
          onFinish={() => {}}
        >
          {step === "subject" && <SubjectStep values={values} type={filing.type} />}
          {step === "websites" && <WebsitesStep values={values} type={filing.type} />}
          {step === "materials" && <MaterialsStep filingId={filing.id} form={apiForm} saveFirst={flush} />}
          {step === "confirm" && (
            <ConfirmStep type={filing.type} form={apiForm} findings={findings} refusals={refusals} submitting={submitting} onSubmit={() => void submit()} onGo={goToFinding} />
          )}
        </Form>
        {step !== "confirm" && (
          <Flex justify="space-between" gap={12} style={{ marginTop: 8 }}>
            <Button disabled={current === 0} onClick={() => goToStep(STEPS[current - 1]!.key)}>
              上一步
            </Button>
            <Button type="primary" onClick={next}>
              下一步
            </Button>
          </Flex>
        )}
        {step === "confirm" && (
          <Button style={{ marginTop: 12 }} onClick={() => goToStep("materials")}>
            上一步
          </Button>
        )}
      </FormActionsContext.Provider>
    </FindingsContext.Provider>
  );
}
