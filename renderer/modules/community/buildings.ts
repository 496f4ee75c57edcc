/** "1-6, 8, 综合楼" → 1号楼 … 6号楼, 8号楼, 综合楼: ranges and bare numbers become building names. */
export function expandBuildings(text: string, nameFor: (n: number) => string): string[] {
  const out: string[] = [];
  for (const token of text.split(/[,，、;；\s]+/).filter(Boolean)) {
    const range = /^(\d+)[-~～—](\d+)$/.exec(token);
    if (range) {
      const [from, to] = [Number(range[1]), Number(range[2])];
      for (let n = from; n <= Math.min(to, from + 199); n++) out.push(nameFor(n));
    } else if (/^\d+$/.test(token)) out.push(nameFor(Number(token)));
    else out.push(token);
  }
  return [...new Set(out)];
}
