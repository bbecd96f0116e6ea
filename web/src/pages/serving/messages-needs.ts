/** The dashboard's texts for the third entry's needs (owner while being built: H2): zh-CN, and English with the same keys. */
export const needsZh = {} as const;

export const needsEn: Record<keyof typeof needsZh, string> = {};
