/** Where CLI commands write; tests capture it instead of the process streams. */
export interface Output {
  out(line?: string): void;
  err(line?: string): void;
}

export const processOutput: Output = {
  out: (line = '') => process.stdout.write(`${line}\n`),
  err: (line = '') => process.stderr.write(`${line}\n`),
};

const colorOn = () => process.stdout.isTTY === true && !process.env.NO_COLOR;

export function green(text: string): string {
  return colorOn() ? `\x1b[32m${text}\x1b[0m` : text;
}

export function red(text: string): string {
  return colorOn() ? `\x1b[31m${text}\x1b[0m` : text;
}

export function yellow(text: string): string {
  return colorOn() ? `\x1b[33m${text}\x1b[0m` : text;
}

export function dim(text: string): string {
  return colorOn() ? `\x1b[2m${text}\x1b[0m` : text;
}
