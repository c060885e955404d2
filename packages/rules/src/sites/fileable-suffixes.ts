/**
 * DOM-2: top-level domains whose registries hold MIIT approval, so domains under them can be
 * filed. The authoritative list is MIIT's (domain.miit.gov.cn); this is the commonly filed
 * subset named by providers' help pages, kept as data (Unicode, without the dot) so it can be
 * extended without code. .io and foreign ccTLDs without approval are absent on purpose.
 */
export const FILEABLE_SUFFIXES_SOURCE = "工信部批准的域名注册管理机构与顶级域（domain.miit.gov.cn），按接入商帮助页常用后缀整理";

export const FILEABLE_SUFFIXES: readonly string[] = [
  // Country code and Chinese IDN (CNNIC, CONAC)
  "cn", "中国", "公益", "政务",
  // Generic, long established
  "com", "net", "org", "biz", "info", "name", "mobi", "pro", "asia", "cc", "tv",
  // New gTLDs with MIIT-approved registries
  "top", "xyz", "vip", "club", "shop", "site", "online", "tech", "store", "wang", "ren",
  "ltd", "group", "fun", "link", "art", "cloud", "love", "work", "red", "kim", "ink",
  "pub", "live", "press", "website", "space", "host", "fit", "design", "wiki", "beer",
  "yoga", "law", "run", "plus", "city", "center", "company", "team", "today", "world",
  "zone", "gold", "fund", "life", "email", "chat", "video", "news", "show", "social",
  "co", "cool", "games", "band", "market", "fashion", "luxe", "green", "pet", "press",
  // Chinese-script gTLDs
  "公司", "网络", "在线", "中文网", "网址", "网店", "商城", "集团", "我爱你", "信息",
  "商标", "游戏", "娱乐", "企业", "广东", "佛山", "时尚", "手机",
];
