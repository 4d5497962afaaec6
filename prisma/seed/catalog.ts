// The demo world: three Hunan regions, six parks modelled on real ones, and the
// word lists the generator draws enterprise and project names from.
import type { ParkLevel, ParkType } from "../../lib/db/generated/prisma/client";

export type RegionSpec = { code: string; name: string };

export type ParkSpec = {
  code: string;
  name: string;
  regionCode: string;
  level: ParkLevel;
  type: ParkType;
  /** Projects signed over the last three years. */
  projectCount: number;
  staffCount: number;
  liaisonCount: number;
  /** Industries with their weights. */
  industries: readonly (readonly [string, number])[];
  /** Name prefixes of enterprises registered in the park. */
  placePrefixes: readonly string[];
  /** 6-digit 行政区划代码 used inside the 统一社会信用代码 of its enterprises. */
  divisionCode: string;
  /** Multiplies investment sizes: national parks attract bigger projects. */
  scale: number;
  /** Share of signed projects that never land (the ledger's weak signings). */
  stuckShare: number;
  addressPrefix: string;
  roads: readonly string[];
  /** Places for 物流园 / 文旅 project names. */
  places: readonly string[];
};

export const REGIONS: readonly RegionSpec[] = [
  { code: "HH", name: "怀化市" },
  { code: "XX", name: "湘西州" },
  { code: "SY", name: "邵阳市" },
];

export const PARKS: readonly ParkSpec[] = [
  {
    code: "HHGX",
    name: "怀化高新区",
    regionCode: "HH",
    level: "NATIONAL",
    type: "HIGH_TECH",
    projectCount: 72,
    staffCount: 2,
    liaisonCount: 5,
    industries: [
      ["生物医药", 4],
      ["电子信息", 3],
      ["新材料", 3],
      ["先进装备制造", 2],
      ["商贸物流", 1],
    ],
    placePrefixes: ["怀化", "怀化市", "湖南", "湖南"],
    divisionCode: "431202",
    scale: 1.2,
    stuckShare: 0.46,
    addressPrefix: "怀化高新区",
    roads: ["迎丰西路", "正清路", "高新大道", "杨村路", "锦溪南路", "舞水路"],
    places: ["怀化", "五溪", "舞水"],
  },
  {
    code: "HHJK",
    name: "怀化经开区",
    regionCode: "HH",
    level: "PROVINCIAL",
    type: "ECONOMIC_DEV",
    projectCount: 63,
    staffCount: 2,
    liaisonCount: 4,
    industries: [
      ["商贸物流", 3],
      ["先进装备制造", 3],
      ["新材料", 2],
      ["农产品精深加工", 2],
      ["新能源", 1],
    ],
    placePrefixes: ["怀化", "怀化市", "湖南"],
    divisionCode: "431200",
    scale: 1.0,
    stuckShare: 0.46,
    addressPrefix: "怀化经开区",
    roads: ["鹤洲北路", "怀黔路", "经开大道", "湖天大道", "坨院路"],
    places: ["怀化", "怀化国际陆港", "湘黔"],
  },
  {
    code: "HJSG",
    name: "洪江市高新区",
    regionCode: "HH",
    level: "PROVINCIAL",
    type: "HIGH_TECH",
    projectCount: 48,
    staffCount: 1,
    liaisonCount: 3,
    industries: [
      ["精细化工", 4],
      ["新材料", 3],
      ["农产品精深加工", 2],
      ["生物医药", 1],
    ],
    placePrefixes: ["洪江市", "洪江", "湖南", "怀化"],
    divisionCode: "431281",
    scale: 0.8,
    stuckShare: 0.46,
    addressPrefix: "洪江市高新区",
    roads: ["工业大道", "岩垅乡园区路", "黔阳大道", "安江路"],
    places: ["黔阳", "安江", "洪江"],
  },
  {
    code: "HJQG",
    name: "洪江区高新区",
    regionCode: "HH",
    level: "PROVINCIAL",
    type: "HIGH_TECH",
    projectCount: 41,
    staffCount: 1,
    liaisonCount: 3,
    industries: [
      ["先进装备制造", 3],
      ["新材料", 2],
      ["文旅康养", 2],
      ["农产品精深加工", 2],
    ],
    placePrefixes: ["洪江", "怀化", "湖南"],
    divisionCode: "431271",
    scale: 0.6,
    stuckShare: 0.47,
    addressPrefix: "洪江区高新区",
    roads: ["桂花园路", "沅江路", "古商城路", "工业园一路"],
    places: ["洪江古商城", "沅水", "巫水"],
  },
  {
    code: "XXGX",
    name: "湘西高新区",
    regionCode: "XX",
    level: "NATIONAL",
    type: "HIGH_TECH",
    projectCount: 57,
    staffCount: 2,
    liaisonCount: 4,
    industries: [
      ["农产品精深加工", 3],
      ["生物医药", 3],
      ["新材料", 2],
      ["电子信息", 2],
      ["文旅康养", 1],
    ],
    placePrefixes: ["湘西", "吉首", "湖南", "湘西州"],
    divisionCode: "433101",
    scale: 1.0,
    stuckShare: 0.46,
    addressPrefix: "湘西高新区",
    roads: ["世纪大道", "乾州路", "武陵山大道", "湘西大道", "峒河路"],
    places: ["湘西", "武陵山", "吉首"],
  },
  {
    code: "SYXG",
    name: "邵阳县高新区",
    regionCode: "SY",
    level: "PROVINCIAL",
    type: "HIGH_TECH",
    projectCount: 52,
    staffCount: 1,
    liaisonCount: 4,
    industries: [
      ["农产品精深加工", 3],
      ["先进装备制造", 3],
      ["新能源", 2],
      ["电子信息", 2],
      ["新材料", 1],
    ],
    placePrefixes: ["邵阳县", "邵阳", "湖南"],
    divisionCode: "430523",
    scale: 0.7,
    stuckShare: 0.47,
    addressPrefix: "邵阳县高新区",
    roads: ["塘渡口大道", "工业大道", "宝庆路", "资江路"],
    places: ["塘渡口", "邵阳", "资江"],
  },
];

export type Product = { name: string; unit: string; qty: readonly [number, number] };

export type IndustrySpec = {
  suffixes: readonly string[];
  products: readonly Product[];
  /** Words for "XX{theme}产业园建设项目". */
  themes: readonly string[];
  /** Phrases for 建设内容. */
  buildings: readonly string[];
};

export const INDUSTRIES: Record<string, IndustrySpec> = {
  新材料: {
    suffixes: ["新材料科技有限公司", "新材料有限公司", "新型建材有限公司", "材料科技股份有限公司"],
    products: [
      { name: "高性能铝合金型材", unit: "万吨", qty: [2, 20] },
      { name: "碳纤维复合材料", unit: "吨", qty: [500, 5000] },
      { name: "新型环保建材", unit: "万立方米", qty: [10, 60] },
      { name: "高纯石英砂", unit: "万吨", qty: [5, 30] },
      { name: "锂电池负极材料", unit: "万吨", qty: [1, 10] },
      { name: "特种玻璃纤维", unit: "万吨", qty: [1, 8] },
      { name: "再生铝合金锭", unit: "万吨", qty: [5, 30] },
    ],
    themes: ["新材料", "新型建材", "先进材料"],
    buildings: ["熔铸车间", "挤压车间", "原料仓库", "研发检测中心"],
  },
  电子信息: {
    suffixes: ["电子科技有限公司", "智能科技有限公司", "光电科技有限公司", "信息技术有限公司"],
    products: [
      { name: "智能终端精密结构件", unit: "万件", qty: [500, 5000] },
      { name: "高密度PCB线路板", unit: "万平方米", qty: [20, 150] },
      { name: "片式电子元器件", unit: "亿只", qty: [5, 50] },
      { name: "光电显示模组", unit: "万片", qty: [100, 1200] },
      { name: "5G通信线缆", unit: "万公里", qty: [1, 10] },
      { name: "智能穿戴设备", unit: "万台", qty: [50, 500] },
    ],
    themes: ["电子信息", "智能终端", "数字经济"],
    buildings: ["无尘车间", "SMT贴片车间", "研发楼", "成品仓库"],
  },
  生物医药: {
    suffixes: ["生物医药有限公司", "制药有限公司", "生物科技有限公司", "药业股份有限公司"],
    products: [
      { name: "中药饮片", unit: "吨", qty: [1000, 10000] },
      { name: "中药配方颗粒", unit: "吨", qty: [500, 3000] },
      { name: "植物提取物", unit: "吨", qty: [200, 2000] },
      { name: "医用耗材", unit: "万件", qty: [1000, 20000] },
      { name: "原料药及医药中间体", unit: "吨", qty: [100, 1500] },
      { name: "黄精深加工产品", unit: "吨", qty: [500, 5000] },
    ],
    themes: ["医药健康", "生物医药", "中医药"],
    buildings: ["GMP生产车间", "提取车间", "质检中心", "阴凉库"],
  },
  农产品精深加工: {
    suffixes: ["食品有限公司", "农业开发有限公司", "农业科技有限公司", "茶业有限公司"],
    products: [
      { name: "冰糖橙精深加工", unit: "万吨", qty: [2, 10] },
      { name: "黄金茶", unit: "吨", qty: [200, 2000] },
      { name: "山茶油", unit: "万吨", qty: [1, 5] },
      { name: "腊肉制品", unit: "吨", qty: [1000, 8000] },
      { name: "猕猴桃果汁饮品", unit: "万吨", qty: [1, 6] },
      { name: "预制菜", unit: "万吨", qty: [1, 5] },
      { name: "辣椒制品", unit: "吨", qty: [2000, 10000] },
    ],
    themes: ["农产品精深加工", "绿色食品", "现代农业"],
    buildings: ["加工车间", "冷库", "包装车间", "质检中心"],
  },
  新能源: {
    suffixes: ["新能源科技有限公司", "储能科技有限公司", "能源科技有限公司", "新能源有限公司"],
    products: [
      { name: "储能电池", unit: "GWh", qty: [1, 6] },
      { name: "光伏组件", unit: "GW", qty: [1, 3] },
      { name: "废旧锂电池回收利用", unit: "万吨", qty: [2, 10] },
      { name: "风电装备配件", unit: "套", qty: [500, 3000] },
      { name: "电池正极材料前驱体", unit: "万吨", qty: [1, 5] },
    ],
    themes: ["新能源", "储能", "绿色能源"],
    buildings: ["电芯车间", "PACK车间", "化成车间", "原料仓库"],
  },
  精细化工: {
    suffixes: ["化工有限公司", "精细化工有限公司", "化学品有限公司", "新材料化工有限公司"],
    products: [
      { name: "电子级化学品", unit: "万吨", qty: [1, 5] },
      { name: "水性涂料", unit: "万吨", qty: [2, 10] },
      { name: "高纯硫酸锰", unit: "万吨", qty: [2, 10] },
      { name: "医药中间体", unit: "吨", qty: [500, 5000] },
      { name: "松香深加工产品", unit: "万吨", qty: [1, 5] },
    ],
    themes: ["精细化工", "绿色化工"],
    buildings: ["反应车间", "罐区", "甲类仓库", "污水处理站"],
  },
  先进装备制造: {
    suffixes: ["机械制造有限公司", "智能装备有限公司", "装备科技有限公司", "机电有限公司"],
    products: [
      { name: "智能输送装备", unit: "台套", qty: [200, 2000] },
      { name: "汽车零部件", unit: "万件", qty: [50, 500] },
      { name: "工程机械配件", unit: "万件", qty: [20, 200] },
      { name: "农机装备", unit: "台", qty: [1000, 10000] },
      { name: "电机及控制系统", unit: "万台", qty: [5, 50] },
      { name: "钢结构构件", unit: "万吨", qty: [2, 10] },
    ],
    themes: ["智能制造", "装备制造", "机电"],
    buildings: ["机加工车间", "装配车间", "喷涂车间", "综合楼"],
  },
  商贸物流: {
    suffixes: ["物流有限公司", "供应链管理有限公司", "商贸有限公司", "冷链物流有限公司"],
    products: [
      { name: "冷链仓储", unit: "万吨", qty: [2, 10] },
      { name: "智能分拣", unit: "万件/日", qty: [10, 80] },
    ],
    themes: ["商贸物流", "冷链物流", "智慧物流"],
    buildings: ["仓储中心", "冷库", "分拣中心", "综合服务楼"],
  },
  文旅康养: {
    suffixes: ["文化旅游发展有限公司", "健康产业有限公司", "文旅投资有限公司", "康养服务有限公司"],
    products: [
      { name: "康养床位", unit: "张", qty: [200, 1000] },
      { name: "非遗文创产品", unit: "万件", qty: [10, 100] },
    ],
    themes: ["文旅康养", "康养", "文化创意"],
    buildings: ["康养公寓", "游客中心", "文创街区", "配套商业"],
  },
};

/** Brand words (字号) for enterprise names. */
export const BRAND_WORDS: readonly string[] = [
  "恒达", "鑫源", "华宇", "金诺", "新宏", "瑞丰", "天成", "博远", "中湘", "楚韵", "正源", "汇通",
  "锦程", "德润", "嘉禾", "永兴", "宏泰", "盛世", "东方", "鸿运", "联创", "科达", "佳和", "荣盛",
  "湘沅", "五溪", "武陵", "沅江", "雪峰", "云海", "远大", "宝庆", "兴业", "祥瑞", "金太阳", "长青",
  "振华", "华信", "启航", "力源", "天启", "铭泰", "凯瑞", "同创", "时代", "立信", "聚力", "万和",
  "益民", "鼎盛", "卓越", "康华", "九鼎", "润泽", "鹏程", "明辉", "海纳", "安泰", "旺达", "星宇",
  "晨光", "新天地", "绿源", "华夏", "中南", "湘商", "怀仁", "溪谷", "峒河", "龙腾",
];

/** Where outside investors come from, for 以商招商 remarks. */
export const INVESTOR_ORIGINS: readonly string[] = [
  "深圳", "东莞", "广州", "长沙", "浙江宁波", "江苏苏州", "福建厦门", "上海", "重庆", "贵州贵阳",
];

export const SURNAMES: readonly (readonly [string, number])[] = [
  ["王", 8], ["李", 8], ["张", 7], ["刘", 7], ["陈", 6], ["杨", 6], ["黄", 4], ["周", 4], ["吴", 4],
  ["胡", 3], ["彭", 3], ["向", 3], ["田", 3], ["龙", 3], ["石", 2], ["唐", 3], ["谭", 3], ["曾", 3],
  ["邓", 3], ["肖", 2], ["蒋", 2], ["罗", 3], ["贺", 2], ["舒", 2], ["粟", 1], ["滕", 1], ["麻", 1],
  ["姚", 1], ["伍", 1], ["欧阳", 1], ["戴", 1], ["易", 1], ["段", 1], ["袁", 1], ["廖", 1], ["蒲", 1],
];

export const GIVEN_NAMES: readonly string[] = [
  "建国", "志强", "海波", "俊杰", "晓东", "文斌", "丽华", "红梅", "卫东", "国平", "明", "敏", "静",
  "勇", "军", "伟", "芳", "娟", "涛", "磊", "洋", "艳", "杰", "斌", "超", "霞", "平", "刚", "辉",
  "海涛", "小兵", "春燕", "建华", "志刚", "玉兰", "宏伟", "国庆", "建军", "德华", "永红", "少军",
  "胜利", "秋菊", "雪梅", "学文", "立新", "爱民", "雅琴", "子涵", "浩然", "思远", "一鸣", "嘉欣",
  "佳怡", "梓豪", "宇航", "文杰", "慧敏", "振宇", "成林", "湘云", "清泉", "卫国", "长庚", "永刚",
];

/** Units a liaison comes from (双轨包保: one person plus one department). */
export const LIAISON_UNITS: readonly (readonly [string, readonly string[]])[] = [
  ["招商合作局", ["副局长", "招商一科科长", "招商二科科长", "四级主任科员"]],
  ["经济发展局", ["副局长", "工业科科长", "一级科员"]],
  ["企业服务中心", ["主任", "副主任", "服务专员"]],
  ["规划建设局", ["副局长", "项目科科长"]],
  ["自然资源分局", ["副局长", "用地科科长"]],
];

export const STAFF_UNITS: readonly (readonly [string, string])[] = [
  ["经济发展局", "项目办主任"],
  ["经济发展局", "统计员"],
  ["项目服务中心", "项目专干"],
];

export const LEADER_TITLES: readonly string[] = ["党工委副书记、管委会主任", "管委会副主任", "党工委委员、管委会副主任"];

export const MOBILE_PREFIXES: readonly string[] = [
  "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "153", "155",
  "156", "157", "158", "159", "173", "177", "180", "181", "182", "183", "186", "187", "188", "189",
  "191", "199",
];
