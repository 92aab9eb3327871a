import { Group, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { useFormat, useT } from '../i18n';
import { circularLayout, labelAnchor, shorten } from './graphLayout';
import type { TieGraph } from './types';

const NODE_RADIUS = 9;
const COUNTRY_COLORS: Record<string, string> = { BY: '#2f9e44', RU: '#1c7ed6' };
const OTHER_COLOR = '#868e96';

/**
 * A cooperation graph as SVG: organizations on a circle (the one asked for in the centre), supply ties as arrows
 * from supplier to customer, co-development as dashed lines; thicker for more contracts; in a region's graph the
 * partners outside it are pale. A click opens the organization's cooperation page.
 */
export function CooperationGraph({ graph, centreId }: { graph: TieGraph; centreId?: number }) {
  const t = useT();
  const format = useFormat();
  const navigate = useNavigate();
  const layout = useMemo(() => circularLayout(graph.nodes, centreId), [graph.nodes, centreId]);
  const names = new Map(graph.nodes.map((n) => [n.id, n.name]));
  const countries = [...new Set(graph.nodes.map((n) => n.country))].sort();

  return (
    <div data-testid="cooperation-graph" data-nodes={graph.nodes.length} data-edges={graph.edges.length}>
      <svg
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        width="100%"
        style={{ maxWidth: Math.max(layout.width, 480), maxHeight: '80vh', display: 'block', margin: '0 auto' }}
        role="img"
        aria-label={t('exchange.graph.label', { nodes: graph.nodes.length, edges: graph.edges.length })}
      >
        <defs>
          <marker id="coop-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M 0 0 L 10 5 L 0 10 z" fill="#495057" />
          </marker>
        </defs>
        {graph.edges.map((e) => {
          const a = layout.positions.get(e.from);
          const b = layout.positions.get(e.to);
          if (!a || !b) return null;
          const supply = e.kind === 'supply';
          const end = supply ? shorten(a, b, NODE_RADIUS + 3) : b;
          return (
            <line
              key={e.id}
              x1={a.x}
              y1={a.y}
              x2={end.x}
              y2={end.y}
              stroke={e.demo ? '#fab005' : '#495057'}
              strokeOpacity={0.65}
              strokeWidth={Math.min(1 + Math.log2(e.weight), 6)}
              strokeDasharray={supply ? undefined : '6 4'}
              markerEnd={supply ? 'url(#coop-arrow)' : undefined}
              data-testid="graph-edge"
              data-kind={e.kind}
            >
              <title>
                {supply
                  ? t('exchange.graph.supply', { from: names.get(e.from) ?? '', to: names.get(e.to) ?? '' })
                  : t('exchange.graph.codev', { from: names.get(e.from) ?? '', to: names.get(e.to) ?? '' })}
                {` · ${t('exchange.graph.since', { date: format.date(e.since) })} · ${t('exchange.graph.contracts', { count: e.weight })}`}
              </title>
            </line>
          );
        })}
        {graph.nodes.map((n) => {
          const p = layout.positions.get(n.id)!;
          const anchor = n.id === centreId ? 'middle' : labelAnchor(p, layout);
          const dx = anchor === 'start' ? NODE_RADIUS + 4 : anchor === 'end' ? -(NODE_RADIUS + 4) : 0;
          // a middle label goes above a node in the upper half and below one in the lower half, clear of the edges
          const dy = anchor !== 'middle' ? 4 : p.y > layout.height / 2 + 1 ? NODE_RADIUS + 14 : -(NODE_RADIUS + 6);
          const open = () => navigate(`/exchange/cooperation/${n.id}`);
          return (
            <g
              key={n.id}
              transform={`translate(${p.x} ${p.y})`}
              style={{ cursor: 'pointer' }}
              onClick={open}
              // reachable from the keyboard as well
              role="link"
              tabIndex={0}
              aria-label={n.name}
              onKeyDown={(event) => {
                if (event.key === 'Enter' || event.key === ' ') {
                  event.preventDefault();
                  open();
                }
              }}
              data-testid="graph-node"
              data-id={n.id}
            >
              <circle
                r={n.id === centreId ? NODE_RADIUS + 4 : NODE_RADIUS}
                fill={COUNTRY_COLORS[n.country] ?? OTHER_COLOR}
                fillOpacity={n.inScope || centreId !== undefined ? 1 : 0.35}
                stroke="#fff"
                strokeWidth={2}
              />
              <text x={dx} y={dy} textAnchor={anchor} fontSize={12} fontWeight={n.id === centreId ? 700 : 400} fill="#212529">
                {n.name.length > 40 ? `${n.name.slice(0, 38)}…` : n.name}
              </text>
              <title>{`${n.name} (${format.country(n.country)}${n.region ? `, ${n.region}` : ''})`}</title>
            </g>
          );
        })}
      </svg>
      <Group gap="lg" justify="center" mt="xs">
        {countries.map((c) => (
          <Group key={c} gap={6}>
            <svg width="12" height="12" aria-hidden>
              <circle cx="6" cy="6" r="6" fill={COUNTRY_COLORS[c] ?? OTHER_COLOR} />
            </svg>
            <Text size="xs">{format.country(c)}</Text>
          </Group>
        ))}
        <Text size="xs" c="dimmed">
          {t('exchange.graph.legend')}
        </Text>
      </Group>
    </div>
  );
}
