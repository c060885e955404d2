import { Space, Typography } from "antd";
import { ChangePasswordCard } from "../components/change-password-card";
import { MyDataCard } from "../components/my-data-card";

/** 账号与数据: the applicant's password and their personal data (#11.3, #11.4). */
export default function AccountPage() {
  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        账号与数据
      </Typography.Title>
      <ChangePasswordCard />
      <MyDataCard />
    </Space>
  );
}
