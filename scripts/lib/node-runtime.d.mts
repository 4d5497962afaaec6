export const NODE_VERSION: string;
export function ensureNode22(): Promise<void>;
