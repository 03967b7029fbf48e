// The simulator strings, English and Thai. Thai must translate every English key.
export const en = {
};

export const th: Record<keyof typeof en, string> = {
};
