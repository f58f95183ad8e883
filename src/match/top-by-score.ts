/** The k ids with the highest scores, in one pass (most ids fall below the running minimum). */
export function topByScore(ids: number[], scores: Float64Array, k: number): number[] {
  if (ids.length <= k) return ids;
  const top = ids.slice(0, k);
  let minAt = 0;
  const findMin = (): void => {
    minAt = 0;
    for (let i = 1; i < k; i++) if (scores[top[i]!]! < scores[top[minAt]!]!) minAt = i;
  };
  findMin();
  for (let i = k; i < ids.length; i++) {
    const id = ids[i]!;
    if (scores[id]! > scores[top[minAt]!]!) {
      top[minAt] = id;
      findMin();
    }
  }
  return top;
}
