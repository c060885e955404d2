import { CheckCircleOutlined, CloudSyncOutlined, ExclamationCircleOutlined, LockOutlined } from "@ant-design/icons";
import { Tooltip, Typography } from "antd";
import type { SaveState } from "../model/use-autosave";

const time = (d: Date) => d.toLocaleTimeString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false });

/** The small autosave status next to the form's title. */
export function SaveStatus({ state }: { state: SaveState }) {
  switch (state.kind) {
    case "idle":
      return null;
    case "pending":
    case "saving":
      return (
        <Typography.Text type="secondary" role="status" data-save-state="saving">
          <CloudSyncOutlined /> 正在保存…
        </Typography.Text>
      );
    case "saved":
      return (
        <Typography.Text type="success" role="status" data-save-state="saved">
          <CheckCircleOutlined /> 已自动保存 {time(state.at)}
        </Typography.Text>
      );
    case "failed":
      return (
        <Tooltip title={`${state.detail} 填写的内容已保存在本机，不会丢失。`}>
          <Typography.Text type="danger" role="status" data-save-state="failed">
            <ExclamationCircleOutlined /> 保存失败，稍后重试
          </Typography.Text>
        </Tooltip>
      );
    case "locked":
      return (
        <Typography.Text type="warning" role="status">
          <LockOutlined /> {state.detail}
        </Typography.Text>
      );
  }
}
