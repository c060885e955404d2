import type { VerificationSheetModel } from "../../src/modules/forms/verification-sheet.js";

export const personalSheet = (): VerificationSheetModel => ({
  variant: "public",
  subjectType: "personal",
  subject: {
    name: "张三",
    nature: "个人",
    certificateType: "居民身份证",
    certificateNumber: "110101199003074514",
    address: "北京市东城区东华门街道南池子大街 10 号院 3 号楼 2 单元 501 室",
    investor: "",
    principalName: "张三",
    principalMobile: "13800138000",
    principalEmail: "zhangsan@example.com",
  },
  websites: [
    {
      name: "张三的个人博客",
      domains: ["zhangsan.cn"],
      homeUrl: "https://www.zhangsan.cn",
      serviceContent: "个人博客：记录读书笔记与摄影作品",
      preApprovals: "",
      principalName: "张三",
      principalMobile: "13800138000",
    },
  ],
  provider: { name: "示例云计算有限公司" },
  seal: false,
  fingerprint: true,
  fingerprintAtSignature: false,
  filingNumber: "F-2026-000001",
  printedAt: "2026-11-25 10:00",
});

export const organisationSheet = (websites = 1, variant: "public" | "guangdong" = "public"): VerificationSheetModel => ({
  variant,
  subjectType: "organisation",
  subject: {
    name: "深圳市示例网络科技有限公司",
    nature: "企业",
    certificateType: "营业执照（统一社会信用代码）",
    certificateNumber: "91440300MA5DXXXX1K",
    address: "广东省深圳市南山区粤海街道科技园科苑路 15 号科兴科学园 B 栋 3 单元 1201 室",
    investor: "深圳市示例网络科技有限公司",
    principalName: "李四",
    principalMobile: "13900139000",
    principalEmail: "legal@example-tech.cn",
  },
  websites: Array.from({ length: websites }, (_, i) => ({
    name: websites > 1 ? `示例网络科技有限公司第${i + 1}号产品与服务介绍及客户支持中心官方网站` : "示例科技官网",
    domains:
      websites > 1
        ? [`example-product-line-number-${i + 1}.com`, `example-product-${i + 1}.cn`, `example-${i + 1}.net`, `示例产品${i + 1}.中国`]
        : ["example-tech.cn"],
    homeUrl: websites > 1 ? `https://www.example-product-line-number-${i + 1}.com/index.html` : "https://www.example-tech.cn",
    serviceContent: "企业官网：公司介绍、产品展示、新闻动态、联系我们",
    preApprovals: "",
    principalName: "王五",
    principalMobile: "13700137000",
  })),
  provider: { name: "示例云计算有限公司" },
  seal: true,
  fingerprint: false,
  fingerprintAtSignature: false,
  filingNumber: "F-2026-000002",
  printedAt: "2026-11-25 10:00",
});
