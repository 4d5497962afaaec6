export interface EmbeddedDatabase {
  url: string;
  adminUrl: string;
  stop(): Promise<void>;
}
export function startEmbeddedDatabase(opts: {
  dir: string;
  port: number;
  database: string;
  log?: (msg: string) => void;
  serverLog?: (msg: string) => void;
}): Promise<EmbeddedDatabase>;
