// Analyst dashboard: K1–K3 over time, the ranking of the 12 municipalities, stocks and flows; all
// figures come from reporting's API (/api/v1/indicators, /api/v1/indicators/series).
const $ = id => document.getElementById(id);
const INDICATORS = ['K1', 'K1E1', 'K1E2', 'K1E3', 'K1E4', 'K2', 'K2E1', 'K2E2', 'K2E3', 'K2E4', 'K3', 'K3E1', 'K3E2', 'K3E3', 'K3E4'];
const fmt = v => v === null || v === undefined ? '·' : Number(v).toLocaleString('de-DE', { maximumFractionDigits: 2 });

async function api(path) {
  const res = await fetch(path, { headers: { Authorization: 'Bearer ' + OIDC.token(), Accept: 'application/json' } });
  if (!res.ok) throw new Error(path + ': HTTP ' + res.status);
  return res.json();
}

function ym(d) { return d.toISOString().slice(0, 7); }

// Data goes into the page as text nodes only, never as markup (the Content-Security-Policy forbids inline script too).
function cell(text, attrs = {}) {
  const td = document.createElement('td');
  Object.entries(attrs).forEach(([k, v]) => td.setAttribute(k, v));
  td.textContent = text;
  return td;
}

function row(municipality, cells) {
  const tr = document.createElement('tr');
  tr.setAttribute('data-municipality', municipality);
  tr.append(...cells);
  return tr;
}

function lineChart(svg, seriesList) {
  const W = 480, H = 200, L = 40, B = 20, T = 10;
  const points = seriesList.flatMap(s => s.values.filter(v => v.y !== null));
  const ns = 'http://www.w3.org/2000/svg';
  const el = (name, attrs, text) => { const e = document.createElementNS(ns, name); Object.entries(attrs).forEach(([k, v]) => e.setAttribute(k, v)); if (text !== undefined) e.textContent = text; svg.appendChild(e); return e; };
  svg.replaceChildren();
  if (!points.length) { el('text', { x: 50, y: 100 }, 'keine Werte (no values)'); return; }
  let min = Math.min(0, ...points.map(p => p.y)), max = Math.max(0, ...points.map(p => p.y));
  if (max === min) max = min + 1;
  const n = Math.max(...seriesList.map(s => s.values.length));
  const x = i => L + (W - L - 10) * (n <= 1 ? 0 : i / (n - 1));
  const y = v => T + (H - T - B) * (1 - (v - min) / (max - min));
  el('line', { class: 'axis', x1: L, x2: W - 10, y1: y(0), y2: y(0) });
  el('text', { x: 2, y: y(max) + 4 }, fmt(max));
  el('text', { x: 2, y: y(min) }, fmt(min));
  seriesList.forEach(s => {
    const d = s.values.map((v, i) => v.y === null ? null : `${x(i)},${y(v.y)}`).filter(Boolean).join(' ');
    el('polyline', { class: 'series ' + s.cls, points: d, 'data-series': s.name });
    s.values.forEach((v, i) => { if (v.y !== null) el('circle', { cx: x(i), cy: y(v.y), r: 2, class: s.cls, 'data-month': v.x, 'data-value': v.y }); });
  });
  const first = seriesList[0].values;
  if (first.length) { el('text', { x: L, y: H - 4 }, first[0].x); el('text', { x: W - 50, y: H - 4 }, first[first.length - 1].x); }
}

function bars(svg, ranked) {
  svg.replaceChildren();
  svg.setAttribute('viewBox', `0 0 480 ${Math.max(40, 10 + ranked.length * 24)}`);
  const ns = 'http://www.w3.org/2000/svg';
  const max = Math.max(1, ...ranked.map(r => Math.abs(r.value)));
  ranked.forEach((r, i) => {
    const w = 300 * Math.abs(r.value) / max;
    const rect = document.createElementNS(ns, 'rect');
    Object.entries({ class: 'bar', x: 150, y: 5 + i * 24, width: w, height: 18, 'data-municipality': r.municipality, 'data-value': r.value })
      .forEach(([k, v]) => rect.setAttribute(k, v));
    svg.appendChild(rect);
    const label = document.createElementNS(ns, 'text');
    label.setAttribute('x', 2); label.setAttribute('y', 18 + i * 24); label.textContent = `${r.rank}. ${r.name}`;
    svg.appendChild(label);
    const value = document.createElementNS(ns, 'text');
    value.setAttribute('x', 155 + w); value.setAttribute('y', 18 + i * 24); value.textContent = fmt(r.value);
    svg.appendChild(value);
  });
}

async function load() {
  const month = $('month').value, asOf = $('asOf').value, mode = $('mode').value, unit = $('municipality').value, indicator = $('indicator').value;
  $('status').textContent = 'lädt …';
  const from = ym(new Date(Date.UTC(+month.slice(0, 4), +month.slice(5, 7) - 24, 1)));
  const q = `asOf=${asOf}&mode=${mode}`;
  const [current, district, town] = await Promise.all([
    api(`/api/v1/indicators?month=${month}&${q}&sex=ALL`),
    api(`/api/v1/indicators/series?from=${from}&to=${month}&municipality=district&${q}`),
    unit === 'district' ? Promise.resolve(null) : api(`/api/v1/indicators/series?from=${from}&to=${month}&municipality=${unit}&${q}`)]);
  ['K1', 'K2', 'K3'].forEach(k => {
    const list = [{ name: 'district', cls: 'district', values: district.map(p => ({ x: p.month, y: p.indicators[k] })) }];
    if (town) list.push({ name: unit, cls: 'town', values: town.map(p => ({ x: p.month, y: p.indicators[k] })) });
    lineChart($('chart-' + k), list);
  });
  const ranked = current.ranking[indicator] || [];
  $('ranking-caption').textContent = `Rangfolge der Kommunen nach ${indicator}, ${month} (${current.finalFigures ? 'endgültig' : 'vorläufig'})`;
  bars($('ranking-bars'), ranked);
  $('ranking-table').tBodies[0].replaceChildren(...ranked.map(r => row(r.municipality, [cell(r.rank), cell(r.name), cell(fmt(r.value))])));
  $('figures').tBodies[0].replaceChildren(...current.rows.map(r => row(r.municipality, [cell(r.name),
    ...['elb', 'nonEmployable', 'lzb', 'elbInflow', 'elbOutflow', 'llu', 'kdu'].map(f => cell(fmt(r.figures[f]))),
    ...['K1', 'K2', 'K3'].map(k => cell(fmt(r.indicators[k]), { 'data-indicator': k }))])));
  $('status').textContent = `Stand ${current.asOf}, ${current.mode === 'final' ? 'endgültige' : 'frühe'} Werte, Zuordnung der Maßnahmen Version ${current.measureMappingVersion}`;
}

(async () => {
  const claims = await OIDC.ready();
  $('user').textContent = claims.preferred_username || claims.sub;
  // the service's day (Europe/Berlin), not the browser's: "asOf" counts what was known by the end of that day
  const today = (await (await fetch('/api/v1/dashboard-config')).json()).today;
  const [y, m] = today.split('-').map(Number);
  $('month').value = ym(new Date(Date.UTC(y, m - 2, 1)));
  $('asOf').value = today;
  INDICATORS.forEach(k => $('indicator').add(new Option(k, k)));
  const towns = await api(`/api/v1/indicators?month=${$('month').value}&sex=ALL`);
  towns.rows.filter(r => r.municipality !== 'district').forEach(r => $('municipality').add(new Option(r.name, r.municipality)));
  $('load').addEventListener('click', () => load().catch(e => $('status').textContent = e.message));
  await load();
})().catch(e => { document.getElementById('status').textContent = e.message; });
