/** The dashboard's texts for the third entry's feedback (owner while being built: H4): zh-CN, and English with the same keys. */
export const feedbackZh = {} as const;

export const feedbackEn: Record<keyof typeof feedbackZh, string> = {};
