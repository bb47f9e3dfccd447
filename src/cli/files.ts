import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { TemporaryFiles } from './temporaryFiles';

/** True when both paths name the same file: same resolved path, or (if both exist) the same inode, e.g. via a link. */
export const isSameFile = async (a: string, b: string): Promise<boolean> => {
  if (path.resolve(a) === path.resolve(b)) return true;
  try {
    const [first, second] = await Promise.all([fs.stat(a), fs.stat(b)]);
    return first.dev === second.dev && first.ino === second.ino;
  } catch {
    return false;
  }
};

/** A file written next to its target and renamed into place, so the target is never half-written. */
export interface StagedFile {
  commit(): Promise<void>;
  discard(): Promise<void>;
}

/** The temporary file is registered in `temporaries` while it exists; `content` is written piece by piece. */
export const stageFile = async (
  target: string,
  content: Iterable<string>,
  temporaries: TemporaryFiles,
): Promise<StagedFile> => {
  const temporary = path.join(
    path.dirname(target),
    `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
  await fs.mkdir(path.dirname(target), { recursive: true });
  temporaries.add(temporary);
  const discard = async (): Promise<void> => {
    await fs.rm(temporary, { force: true });
    temporaries.remove(temporary);
  };
  try {
    await fs.writeFile(temporary, content, 'utf8');
  } catch (error) {
    await discard();
    throw error;
  }
  return {
    commit: async () => {
      try {
        await fs.rename(temporary, target);
        temporaries.remove(temporary);
      } catch (error) {
        await discard();
        throw error;
      }
    },
    discard,
  };
};
