/** A seeded PRNG in [0, 1). */
export declare function seededRandom(seed: number): () => number;

/** One corruption: the corrupted copy of the arguments, the path corrupted and how. */
export interface Corruption {
  args: unknown[];
  path: Array<string | number>;
  kind: "wrongType" | "unknownKey" | "null" | "badNumber";
}

export declare function corrupt(
  random: () => number,
  args: unknown[],
  options?: { wholeNumbers?: (path: Array<string | number>) => boolean },
): Corruption;

/** A call to fuzz: its valid arguments (fresh each time), their names, and the call itself. */
export interface FuzzCase {
  name: string;
  argNames: string[];
  args: () => unknown[];
  /** Paths (argument names, or key paths inside bags) whose numbers must be whole and >= 0. */
  numbers?: string[];
  call: (...args: unknown[]) => unknown;
}

export declare function fuzzArguments(options: {
  seed: number;
  runs: number;
  cases: FuzzCase[];
  isTyped?: (error: unknown) => boolean;
}): Promise<{
  tried: number;
  rejected: number;
  byKind: Record<string, number>;
  byCase: Record<string, number>;
}>;
