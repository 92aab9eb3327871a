/**
 * Circular layout of a cooperation graph, pure and deterministic: the organization asked for (if any) in the
 * centre, the others on a circle grouped by country, then by name, so a region's graph reads the same every time.
 */

export type LayoutNode = { id: number; name: string; country: string };
export type Point = { x: number; y: number };
export type Layout = { width: number; height: number; positions: Map<number, Point> };

/** Room per node on the circle (px of circumference), so labels of neighbours overlap less as the graph grows. */
const ARC_PER_NODE = 56;
const MIN_RADIUS = 140;
const MARGIN = 150;

export function circularLayout(nodes: readonly LayoutNode[], centreId?: number | null): Layout {
  const centre = centreId != null ? nodes.find((n) => n.id === centreId) : undefined;
  const ring = nodes
    .filter((n) => n !== centre)
    .slice()
    .sort((a, b) => a.country.localeCompare(b.country) || a.name.localeCompare(b.name, 'ru') || a.id - b.id);
  const radius = Math.max(MIN_RADIUS, (ring.length * ARC_PER_NODE) / (2 * Math.PI));
  const size = 2 * (radius + MARGIN);
  const c = size / 2;
  const positions = new Map<number, Point>();
  if (centre) positions.set(centre.id, { x: c, y: c });
  ring.forEach((n, i) => {
    // start at the top and go clockwise; a single partner sits straight above the centre
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / Math.max(ring.length, 1);
    positions.set(n.id, { x: round(c + radius * Math.cos(angle)), y: round(c + radius * Math.sin(angle)) });
  });
  if (!centre && ring.length === 1) positions.set(ring[0].id, { x: c, y: c });
  return { width: size, height: size, positions };
}

/** The end of a line from `a` towards `b`, stopped `gap` short of `b` (room for the node's circle and the arrowhead). */
export function shorten(a: Point, b: Point, gap: number): Point {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length = Math.hypot(dx, dy);
  if (length <= gap) return b;
  return { x: round(b.x - (dx / length) * gap), y: round(b.y - (dy / length) * gap) };
}

/** Text anchor for a label beside a node on the circle: outward, so it does not cross the edges inside. */
export function labelAnchor(p: Point, layout: Layout): 'start' | 'end' | 'middle' {
  const dx = p.x - layout.width / 2;
  if (Math.abs(dx) < 1) return 'middle';
  return dx > 0 ? 'start' : 'end';
}

const round = (v: number) => Math.round(v * 10) / 10;
