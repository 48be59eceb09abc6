// The factor chart: an inline SVG bar per factor showing how far it pushed toward (or away from) the
// chosen verdict, built from assessment.factors[].contributions. Labels and values are text, and each
// bar carries a <title>, so the chart reads without colour and with a screen reader.

const SVG = 'http://www.w3.org/2000/svg';
const TOP = 4;
const BAR = 14;
const PAD = 12;
const VALUE_ROOM = 48;
const MAX_LABEL = 42;
/** Wide: a label column beside the bars. Narrow (phones): each label above its bar, full width. */
const LAYOUTS = {
  wide: { width: 680, row: 30, labelWidth: 300, stacked: false },
  narrow: { width: 360, row: 44, labelWidth: 0, stacked: true },
};

function el(name, attributes = {}, text) {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** "+1.25" / "−0.5": signed, at most two decimals. */
export function formatValue(value) {
  const rounded = Math.round(value * 100) / 100;
  const body = Math.abs(rounded).toLocaleString('en', { maximumFractionDigits: 2 });
  return `${rounded > 0 ? '+' : rounded < 0 ? '−' : ''}${body}`;
}

/** The factors that moved the chosen verdict, strongest push toward it first. */
export function factorBars(assessment) {
  const verdict = assessment.verdict;
  return (assessment.factors ?? [])
    .map((factor) => ({ id: factor.id, label: factor.label, value: Number(factor.contributions?.[verdict] ?? 0) }))
    .filter((bar) => Number.isFinite(bar.value) && bar.value !== 0)
    .sort((a, b) => b.value - a.value);
}

/** Shortens long factor labels for the label column; the full label stays in the bar's <title>. */
function clip(label) {
  return label.length > MAX_LABEL ? `${label.slice(0, MAX_LABEL - 1).trimEnd()}…` : label;
}

/** The chart as an <svg>, or undefined when no factor moved the verdict. */
export function renderFactorChart(assessment, verdictLabel, { narrow = false } = {}) {
  const bars = factorBars(assessment);
  if (bars.length === 0) return undefined;
  const { width: WIDTH, row: ROW, labelWidth: LABEL_WIDTH, stacked } = narrow ? LAYOUTS.narrow : LAYOUTS.wide;
  const maxPos = Math.max(0, ...bars.map((b) => b.value));
  const maxNeg = Math.max(0, ...bars.map((b) => -b.value));
  const span = maxPos + maxNeg || 1;
  // Label column on the left, then the bar area with room for the value text on each side that has bars.
  const left = stacked ? PAD : LABEL_WIDTH + PAD;
  const roomLeft = maxNeg > 0 ? VALUE_ROOM : 0;
  const roomRight = maxPos > 0 ? VALUE_ROOM : 0;
  const usable = WIDTH - left - PAD - roomLeft - roomRight;
  const zero = left + roomLeft + (maxNeg / span) * usable;
  const scale = usable / span;
  const height = TOP + bars.length * ROW + TOP;

  const titleId = `chart-title-${Math.random().toString(36).slice(2)}`;
  const svg = el('svg', {
    viewBox: `0 0 ${WIDTH} ${height}`,
    class: 'factor-chart',
    role: 'img',
    'aria-labelledby': titleId,
    preserveAspectRatio: 'xMinYMin meet',
  });
  const toward = bars.filter((b) => b.value > 0).length;
  svg.append(
    el(
      'title',
      { id: titleId },
      `Factors behind ${verdictLabel}: ${toward} pushed toward it, ${bars.length - toward} pushed away from it. ` +
        bars.map((b) => `${b.label} ${formatValue(b.value)}`).join('; '),
    ),
  );

  bars.forEach((bar, i) => {
    const y = TOP + i * ROW;
    // Stacked rows put the label in the top half and the bar in the bottom half.
    const middle = stacked ? y + ROW - BAR / 2 - 6 : y + ROW / 2;
    const positive = bar.value > 0;
    const length = Math.max(2, Math.abs(bar.value) * scale);
    const x = positive ? zero : zero - length;
    const group = el('g', { class: `bar ${positive ? 'positive' : 'negative'}`, 'data-factor': bar.id });
    group.append(
      el('title', {}, `${bar.label}: ${formatValue(bar.value)} ${positive ? 'toward' : 'away from'} ${verdictLabel}`),
    );
    if (i % 2 === 0) group.append(el('rect', { x: 0, y, width: WIDTH, height: ROW, class: 'stripe' }));
    const labelAt = stacked
      ? { x: PAD, y: y + 13, 'text-anchor': 'start' }
      : { x: LABEL_WIDTH, y: middle, 'text-anchor': 'end', 'dominant-baseline': 'central' };
    group.append(el('text', { ...labelAt, class: 'bar-label' }, clip(bar.label)));
    // Stacked labels run across the zero line, so each row gets its own short axis tick instead.
    if (stacked)
      group.append(
        el('line', { x1: zero, x2: zero, y1: middle - BAR / 2 - 3, y2: middle + BAR / 2 + 3, class: 'axis' }),
      );
    group.append(el('rect', { x, y: middle - BAR / 2, width: length, height: BAR, rx: 3, class: 'bar-fill' }));
    group.append(
      el(
        'text',
        {
          x: positive ? x + length + 6 : x - 6,
          y: middle,
          class: 'bar-value',
          'text-anchor': positive ? 'start' : 'end',
          'dominant-baseline': 'central',
        },
        formatValue(bar.value),
      ),
    );
    svg.append(group);
  });
  if (!stacked) svg.append(el('line', { x1: zero, x2: zero, y1: TOP - 2, y2: height - TOP + 2, class: 'axis' }));
  return svg;
}
