/**
 * PRE-1: content that needs a permit (前置审批) before filing, with the permit's name and
 * the words in a site name that suggest it. 教育, 医疗保健 and 电子公告 were cancelled
 * nationally ("legacy") but some provinces still ask for them (province policy).
 * PRE-3: finance words in a subject or site name flag finance content.
 */
export interface PreApprovalCategoryInfo {
  label: string;
  permit: string;
  /** Words in a site name that suggest this content (PRE-1/PRE-3). */
  keywords: readonly string[];
  /** Cancelled nationally; only asked where a province policy still lists it. */
  legacy?: boolean;
}

export const FINANCE_KEYWORDS = [
  "交易所", "交易中心", "金融", "资产管理", "理财", "基金", "投资管理", "财富管理",
  "股权投资基金", "网贷", "网络借贷", "P2P", "股权众筹", "互联网保险", "支付",
] as const;

export const PRE_APPROVAL_CATEGORIES = {
  news: { label: "新闻", permit: "互联网新闻信息服务许可证", keywords: ["新闻"] },
  publishing: { label: "出版", permit: "互联网出版许可证（网络出版服务许可证）", keywords: ["出版"] },
  drugs: { label: "药品和医疗器械", permit: "互联网药品信息服务资格证书", keywords: ["药品", "医药", "药店", "医疗器械"] },
  culture: { label: "文化", permit: "网络文化经营许可证", keywords: ["动漫", "演出", "音乐", "艺术品"] },
  audiovisual: {
    label: "广播电影电视节目",
    permit: "信息网络传播视听节目许可证",
    keywords: ["视频", "影视", "电影", "电视", "直播", "广播"],
  },
  ride_hailing: { label: "网约车", permit: "网络预约出租汽车经营许可证", keywords: ["网约车", "约车", "打车"] },
  online_games: { label: "网络游戏", permit: "网络游戏相关许可文件", keywords: ["游戏"] },
  finance: {
    label: "金融",
    permit: "金融主管部门（人民银行、银保监、证监会、基金业协会）的批准文件",
    keywords: FINANCE_KEYWORDS,
  },
  education: { label: "教育", permit: "教育主管部门的批准文件", keywords: [], legacy: true },
  healthcare: { label: "医疗保健", permit: "卫生主管部门的批准文件", keywords: [], legacy: true },
  bulletin_board: { label: "电子公告", permit: "电子公告服务专项备案", keywords: [], legacy: true },
} as const satisfies Record<string, PreApprovalCategoryInfo>;

export type PreApprovalCategory = keyof typeof PRE_APPROVAL_CATEGORIES;

export function isPreApprovalCategory(value: unknown): value is PreApprovalCategory {
  return typeof value === "string" && Object.hasOwn(PRE_APPROVAL_CATEGORIES, value);
}
