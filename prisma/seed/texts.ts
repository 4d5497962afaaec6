// Sentences of the kind found in real ledgers, visit logs and problem lists.
import type { IssueCategory, Stage } from "../../lib/db/generated/prisma/client";

export const SUSPEND_REASONS: readonly string[] = [
  "企业资金链紧张，项目暂缓建设",
  "受市场行情影响，企业放缓投资节奏",
  "用地报批手续未完成，项目暂缓推进",
  "环评批复调整中，项目暂停施工",
  "企业股东变更，项目暂缓实施",
];

export const TERMINATE_REASONS: readonly string[] = [
  "企业战略调整，未按协议约定时间注册落地，双方协商解除投资协议",
  "投资方资金未到位，协议约定期限届满，项目终止",
  "项目未履约，经管委会研究同意解除投资协议",
  "投资主体变更后不再实施，项目终止",
];

export const RESUME_REASONS: readonly string[] = ["融资到位，项目恢复施工", "手续办结，项目复工", "股东增资完成，恢复建设"];

/** 形象进度 by the share of construction done. */
export function imageProgressFor(share: number, pick: <T>(items: readonly T[]) => T): string {
  if (share < 0.15) return pick(["场地平整", "土方开挖", "基础施工", "桩基施工"]);
  if (share < 0.4) return pick(["主体结构施工中", "钢结构吊装", "桩基施工完成，主体施工中"]);
  if (share < 0.65) return pick(["厂房封顶", "主体完工，内部装修中", "屋面及外墙施工"]);
  if (share < 1) return pick(["设备安装调试", "设备进场安装", "试生产准备", "配套工程施工"]);
  return pick(["已投产，正常生产", "达产达效中", "正常生产，产能逐步释放"]);
}

export const PROGRESS_PROBLEMS: readonly string[] = [
  "施工用电增容待供电公司审批",
  "融资进度慢，后续资金存在缺口",
  "普工及技术工人招聘困难",
  "雨季影响施工进度",
  "部分设备到货延迟",
  "消防验收资料待补充",
  "配套道路未完工，影响材料运输",
  "天然气管道接入进度滞后",
];

export const VISIT_SUMMARIES: Record<Stage, readonly string[]> = {
  SIGNED: [
    "了解企业注册及用地手续办理进度，督促尽快完成注册落地",
    "对接项目用地规划方案，协调供地前期工作",
    "与投资方沟通合同履约安排，明确注册时间节点",
  ],
  LANDED: [
    "督促企业加快施工图设计和施工许可办理，推动项目早日开工",
    "协调场地平整及临时用电接入",
    "了解项目开工前准备情况，对接施工单位进场",
  ],
  STARTED: [
    "现场查看项目建设进度，了解施工中存在的困难",
    "协调施工用水用电及材料运输问题",
    "督促施工单位加快主体结构施工进度",
    "了解设备采购及安装计划，推动项目早日投产",
  ],
  PRODUCING: [
    "走访企业了解生产经营情况，宣传惠企政策",
    "了解企业用工需求，对接人社部门开展招聘",
    "了解企业订单及产能释放情况，协调物流运输",
    "督促企业做好规上入统及统计报表工作",
  ],
};

export const VISIT_ROLES: readonly string[] = ["总经理", "项目经理", "副总经理", "办公室主任", "财务总监", "董事长"];

type IssueTemplate = { title: string; description: string; answer: string };

export const ISSUE_TEMPLATES: Record<IssueCategory, readonly IssueTemplate[]> = {
  LAND: [
    {
      title: "项目二期用地指标尚未落实",
      description: "企业反映二期扩建需新增用地约{n}亩，目前园区用地指标紧张，请求协调落实。",
      answer: "已纳入园区下批次用地报批计划，自然资源分局已启动组卷工作。",
    },
    {
      title: "项目用地红线内存在零星未征拆房屋",
      description: "项目用地红线内尚有{n}户房屋未完成征拆，影响场地平整施工。",
      answer: "征拆专班已入户协商，签订补偿协议，房屋已完成拆除。",
    },
    {
      title: "不动产权证办理进度慢",
      description: "企业土地出让金已缴清，不动产权证尚未办结，影响项目融资抵押。",
      answer: "已协调不动产登记中心开通绿色通道，证书已办结交付企业。",
    },
  ],
  PLANNING_APPROVAL: [
    {
      title: "施工许可证办理需加快",
      description: "项目施工图审查已完成，施工许可证尚未取得，企业希望尽快办理以便开工。",
      answer: "已实行容缺受理，施工许可证已核发。",
    },
    {
      title: "项目规划方案调整审批",
      description: "企业因工艺调整需变更厂房规划方案，请求协调规划部门加快审批。",
      answer: "规划建设局已组织专题审查，方案调整已批复。",
    },
    {
      title: "环评批复时间较长",
      description: "项目环评报告已报送{n}周，尚未取得批复，影响开工时间。",
      answer: "已协调生态环境分局提前介入指导，环评已批复。",
    },
  ],
  UTILITIES: [
    {
      title: "生产用电增容申请",
      description: "企业新增生产线需增容{n}千伏安，现有线路容量不足，请求协调供电公司。",
      answer: "供电公司已完成现场勘查并制定接入方案，专线已送电。",
    },
    {
      title: "天然气管道接入滞后",
      description: "项目燃气管道尚未接通，影响设备调试和试生产。",
      answer: "燃气公司已安排施工队伍，管道已接通并通气。",
    },
    {
      title: "园区道路积水影响通行",
      description: "企业门口道路排水不畅，雨天积水严重，影响货车进出。",
      answer: "园区已安排市政养护单位疏通排水管网并修补路面。",
    },
  ],
  FINANCING: [
    {
      title: "项目建设资金缺口",
      description: "企业反映项目后续建设资金缺口约{n}万元，请求协调银行贷款支持。",
      answer: "已组织政银企对接会，合作银行已完成授信审批。",
    },
    {
      title: "申请园区产业发展基金支持",
      description: "企业希望申请园区产业引导基金投资，请求协助准备申报材料。",
      answer: "已对接基金管理公司开展尽职调查，投资方案已上会。",
    },
  ],
  LABOR: [
    {
      title: "普工招聘困难",
      description: "企业投产后需新增普工约{n}人，目前招聘进度缓慢。",
      answer: "已协调人社部门举办专场招聘会，并推送劳务输出人员信息。",
    },
    {
      title: "技术人员住房需求",
      description: "企业引进技术骨干{n}人，希望协调解决人才公寓。",
      answer: "已安排入住园区人才公寓，租金按政策给予减免。",
    },
  ],
  POLICY: [
    {
      title: "招商引资奖励资金兑现",
      description: "企业已达到投资协议约定的奖励条件，奖励资金尚未兑现。",
      answer: "奖励资金已完成审核并拨付到位。",
    },
    {
      title: "设备购置补贴申报",
      description: "企业购置生产设备约{n}万元，希望申报技改设备补贴。",
      answer: "已指导企业完成申报，补贴已纳入本批次拨付计划。",
    },
    {
      title: "高新技术企业认定辅导",
      description: "企业计划申报高新技术企业，需要政策辅导。",
      answer: "已安排专员上门辅导，企业已完成申报材料提交。",
    },
  ],
  LOGISTICS: [
    {
      title: "原材料运输成本高",
      description: "企业原材料主要从外省运入，物流成本偏高，希望对接铁路货运资源。",
      answer: "已对接物流园区开通铁路班列，运输成本明显下降。",
    },
    {
      title: "园区公交线路不便",
      description: "员工上下班通勤不便，希望增设公交站点。",
      answer: "已协调公交公司调整线路，在企业门口增设站点。",
    },
  ],
  SAFETY_ENV: [
    {
      title: "危废处置渠道不畅",
      description: "企业产生的危险废物每月约{n}吨，缺少就近处置单位。",
      answer: "已协调具备资质的危废处置单位签订处置协议。",
    },
    {
      title: "消防验收问题整改指导",
      description: "项目消防验收提出{n}项整改意见，企业请求技术指导。",
      answer: "已安排消防技术服务机构上门指导，整改完成并通过验收。",
    },
  ],
  OTHER: [
    {
      title: "企业周边治安环境",
      description: "企业反映夜间厂区周边有闲杂人员滋扰。",
      answer: "已协调派出所加强夜间巡逻，并在路口增设监控。",
    },
    {
      title: "子女入学协调",
      description: "企业高管{n}名子女需就近入学，请求协调。",
      answer: "已协调教育部门按人才政策安排就近入学。",
    },
  ],
};

export const ISSUE_UNITS: Record<IssueCategory, readonly string[]> = {
  LAND: ["自然资源分局", "征拆办"],
  PLANNING_APPROVAL: ["规划建设局", "行政审批服务局", "生态环境分局"],
  UTILITIES: ["国网供电公司", "城投水务公司", "燃气公司", "规划建设局"],
  FINANCING: ["财政金融局", "产业发展基金公司"],
  LABOR: ["人社局", "企业服务中心"],
  POLICY: ["经济发展局", "科技局", "财政金融局"],
  LOGISTICS: ["交通运输局", "商务局"],
  SAFETY_ENV: ["生态环境分局", "应急管理局", "消防救援大队"],
  OTHER: ["企业服务中心", "社会事务局"],
};

/** Categories a project's stage tends to raise. */
export const STAGE_CATEGORIES: Record<Stage, readonly (readonly [IssueCategory, number])[]> = {
  SIGNED: [
    ["LAND", 5],
    ["PLANNING_APPROVAL", 3],
    ["POLICY", 1],
    ["OTHER", 1],
  ],
  LANDED: [
    ["LAND", 3],
    ["PLANNING_APPROVAL", 4],
    ["UTILITIES", 2],
    ["FINANCING", 1],
  ],
  STARTED: [
    ["UTILITIES", 4],
    ["PLANNING_APPROVAL", 2],
    ["FINANCING", 3],
    ["LABOR", 1],
    ["SAFETY_ENV", 2],
    ["LAND", 1],
  ],
  PRODUCING: [
    ["LABOR", 4],
    ["POLICY", 4],
    ["LOGISTICS", 2],
    ["FINANCING", 2],
    ["SAFETY_ENV", 1],
    ["UTILITIES", 2],
    ["OTHER", 1],
  ],
};
