/** Options of the bench scripts, `--name value`, read one way and refused with the same words. */

/** The value after `name`, if the option is given. */
export function optionValue(name: string, argv: readonly string[] = process.argv.slice(2)): string | undefined {
  const at = argv.indexOf(name);
  return at >= 0 ? argv[at + 1] : undefined;
}

/** A whole-number option (`--seed 777`) of at most `maxDigits` digits; anything else is refused by name. */
export function wholeNumberOption(name: string, maxDigits = 10, argv: readonly string[] = process.argv.slice(2)): number | undefined {
  const value = optionValue(name, argv);
  if (value === undefined) return undefined;
  if (!new RegExp(`^\\d{1,${maxDigits}}$`).test(value)) throw new Error(`${name} takes a whole number, not ${JSON.stringify(value)}`);
  return Number(value);
}

/** The half of a fitted bench whose misses to print (`--misses calibration`: fit without reading the test half). */
export type Half = 'calibration' | 'test';

export function halfOption(name = '--misses', argv: readonly string[] = process.argv.slice(2)): Half | undefined {
  const value = optionValue(name, argv);
  if (value === undefined || value === 'calibration' || value === 'test') return value;
  throw new Error(`${name} takes calibration or test, not ${JSON.stringify(value)}`);
}
