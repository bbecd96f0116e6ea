/** The dashboard's texts for the third entry's participation (owner while being built: H3): zh-CN, and English with the same keys. */
export const participationZh = {} as const;

export const participationEn: Record<keyof typeof participationZh, string> = {};
