// The factor chart: an inline SVG bar per factor showing how far it pushed toward (or away from) the
// chosen verdict, built from assessment.factors[].contributions. Labels and values are text, and each
// bar carries a <title>, so the chart reads without colour and with a screen reader.

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 640;
const ROW = 40;
const TOP = 8;
const BAR = 14;
const PAD = 8;

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

/** The chart as an <svg>, or undefined when no factor moved the verdict. */
export function renderFactorChart(assessment, verdictLabel) {
  const bars = factorBars(assessment);
  if (bars.length === 0) return undefined;
  const maxPos = Math.max(0, ...bars.map((b) => b.value));
  const maxNeg = Math.max(0, ...bars.map((b) => -b.value));
  const span = maxPos + maxNeg || 1;
  const valueRoom = 56;
  const usable = WIDTH - 2 * PAD - (maxNeg > 0 ? valueRoom : 0) - (maxPos > 0 ? valueRoom : 0);
  const zero = PAD + (maxNeg > 0 ? valueRoom : 0) + (maxNeg / span) * usable;
  const scale = usable / span;
  const height = TOP + bars.length * ROW + 4;

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
    const positive = bar.value > 0;
    const length = Math.max(2, Math.abs(bar.value) * scale);
    const x = positive ? zero : zero - length;
    const group = el('g', { class: `bar ${positive ? 'positive' : 'negative'}`, 'data-factor': bar.id });
    group.append(
      el('title', {}, `${bar.label}: ${formatValue(bar.value)} ${positive ? 'toward' : 'away from'} ${verdictLabel}`),
    );
    group.append(el('text', { x: PAD, y: y + 12, class: 'bar-label' }, bar.label));
    group.append(el('rect', { x, y: y + 18, width: length, height: BAR, rx: 3 }));
    group.append(
      el(
        'text',
        {
          x: positive ? x + length + 6 : x - 6,
          y: y + 18 + BAR - 2,
          class: 'bar-value',
          'text-anchor': positive ? 'start' : 'end',
        },
        formatValue(bar.value),
      ),
    );
    svg.append(group);
  });
  svg.append(el('line', { x1: zero, x2: zero, y1: TOP - 4, y2: height - 2, class: 'axis' }));
  return svg;
}
