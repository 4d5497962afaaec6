export const ROOT: string;
export function bin(name: string): string;
export function run(command: string, args: string[], opts?: { env?: NodeJS.ProcessEnv; quiet?: boolean }): Promise<string>;
