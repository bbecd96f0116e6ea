/** The dashboard's texts of the third entry's page frame: zh-CN, and English with the same keys. */
export const servingZh = {
  'serving.nav': '在职党员',
  'serving.heading': '在职党员进社区（双报到）',
  'serving.lead': '报到单位与在职党员、需求清单与认领、服务记录、季度反馈与年度评议。',
  'serving.back': '返回社区页',
  'serving.notCommunity': '只有社区有在职党员报到。',
  'serving.unitLink': '在职党员进社区',
  'role.member': '在职党员',
  'serving.myCard': '我的服务记录卡',
} as const;

export const servingEn: Record<keyof typeof servingZh, string> = {
  'serving.nav': 'Serving members',
  'serving.heading': 'In-service Party members in the community (double report-in)',
  'serving.lead':
    'Registered employers and members, the needs list and claims, service records, quarterly feedback and the yearly evaluation.',
  'serving.back': 'Back to the community page',
  'serving.notCommunity': 'Only communities have in-service Party members registered.',
  'serving.unitLink': 'Serving Party members',
  'role.member': 'Serving Party member',
  'serving.myCard': 'My service card',
};
