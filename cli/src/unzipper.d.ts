/** The part of unzipper 0.10 (installed with exceljs; it ships no types) that the import uses. */
declare module 'unzipper' {
  import type { Readable } from 'node:stream';

  /** An entry of a zip's central directory. */
  export interface CentralDirectoryEntry {
    path: string;
    type: 'File' | 'Directory';
    compressedSize: number;
    /** As the central directory declares it: a crafted file may lie. */
    uncompressedSize: number;
    /** The entry's content, inflated as it is read. */
    stream(password?: string): Readable;
  }

  export const Open: {
    /** Reads the central directory of a zip held in memory; inflates nothing. */
    buffer(data: Buffer): Promise<{ files: CentralDirectoryEntry[] }>;
  };
}
