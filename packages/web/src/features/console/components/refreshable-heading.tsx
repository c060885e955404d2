import { ReloadOutlined } from "@ant-design/icons";
import { Button, Flex, Typography } from "antd";

/** A console list's title with its 刷新 button (other reviewers change the same records). */
export function RefreshableHeading({ title, loading, onRefresh, marginBottom = 16 }: { title: string; loading: boolean; onRefresh: () => void; marginBottom?: number }) {
  return (
    <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {title}
      </Typography.Title>
      <Button icon={<ReloadOutlined />} onClick={onRefresh} loading={loading}>
        刷新
      </Button>
    </Flex>
  );
}
