// Industry chains (产业链) offered when typing a project; parks may use others.
export const COMMON_INDUSTRIES = [
  "新材料",
  "电子信息",
  "生物医药",
  "农产品精深加工",
  "新能源",
  "精细化工",
  "先进装备制造",
  "商贸物流",
  "文旅康养",
  "数字经济",
  "食品加工",
  "建材",
] as const;
