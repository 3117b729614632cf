// Builds the report's world map, src/main/resources/marsad/report/world.json, from Natural Earth's
// 1:110m countries (world-atlas 2.0.2, TopoJSON keyed by ISO 3166-1 numeric codes). Run once after
// changing it: `npm ci && npm run build` in this folder (see ../NOTICE.md for the sources and
// licences). The output is GeoJSON keyed by ISO alpha-2 (the code the states tables use), with
// coordinates rounded to 0.1 degree, plus a point for each state of conf/gazetteer/states.tsv too
// small for the 1:110m scale (Bahrain, Singapore, Malta ...), placed from the 1:10m data.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { feature } from 'topojson-client';
import countries from 'i18n-iso-countries';

const require = createRequire(import.meta.url);
const here = new URL('.', import.meta.url).pathname;
const repo = here + '../../../';
const small = require('world-atlas/countries-110m.json');
const large = require('world-atlas/countries-10m.json');

// Shapes Natural Earth draws without an ISO code: Kosovo has its own (user-assigned) code in the
// gazetteer; Northern Cyprus and Somaliland are drawn as part of the state the UN recognises.
const BY_NAME = { Kosovo: 'XK', 'N. Cyprus': 'CY', Somaliland: 'SO' };
const SKIP = new Set(['AQ']); // Antarctica: no state, and a fifth of the map's height

const iso2 = (f) => (f.id ? countries.numericToAlpha2(f.id) : BY_NAME[f.properties.name]);
const round = (x) => Math.round(x * 10) / 10;

function roundRing(ring) {
  const out = [];
  for (const [x, y] of ring) {
    const p = [round(x), round(y)];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  if (out.length && (out[0][0] !== out[out.length - 1][0] || out[0][1] !== out[out.length - 1][1])) {
    out.push(out[0]);
  }
  return out.length >= 4 ? out : null;
}

// A ring that crosses the antimeridian (Russia's Chukotka, Fiji) jumps from +180 to -180 and would
// draw a line across the whole map: its western longitudes are shifted east by 360 degrees.
function unwrap(ring) {
  const jumps = ring.some(([x], i) => i > 0 && Math.abs(x - ring[i - 1][0]) > 180);
  return jumps ? ring.map(([x, y]) => [x < 0 ? x + 360 : x, y]) : ring;
}

function roundPolygon(rings) {
  const out = rings.map(unwrap).map(roundRing).filter(Boolean);
  return out.length ? out : null;
}

/** The polygons of a geometry, rounded, as a MultiPolygon's coordinates (empty rings dropped). */
function polygons(g) {
  const list = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
  return list.map(roundPolygon).filter(Boolean);
}

const byCode = new Map();
for (const f of feature(small, small.objects.countries).features) {
  const code = iso2(f);
  if (!code || SKIP.has(code)) continue;
  const polys = polygons(f.geometry);
  if (!polys.length) continue;
  byCode.set(code, (byCode.get(code) || []).concat(polys));
}

// A point for each gazetteer state without a shape: the centre of the bounding box of its largest
// polygon at 1:10m (the largest island of an archipelago).
const states = readFileSync(repo + 'conf/gazetteer/states.tsv', 'utf8').trim().split('\n').slice(1)
  .map((l) => l.split('\t')[0]);
const area = (ring) => Math.abs(ring.reduce((s, [x, y], i) => {
  const [x2, y2] = ring[(i + 1) % ring.length];
  return s + x * y2 - x2 * y;
}, 0) / 2);
const points = {};
const detailed = new Map();
for (const f of feature(large, large.objects.countries).features) {
  const code = iso2(f);
  if (code) detailed.set(code, f.geometry);
}
for (const code of states) {
  if (byCode.has(code)) continue;
  const g = detailed.get(code);
  if (!g) {
    console.warn('no shape for ' + code);
    continue;
  }
  const list = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  const best = list.reduce((a, b) => (area(b[0]) > area(a[0]) ? b : a));
  const xs = best[0].map((p) => p[0]);
  const ys = best[0].map((p) => p[1]);
  points[code] = [round((Math.min(...xs) + Math.max(...xs)) / 2), round((Math.min(...ys) + Math.max(...ys)) / 2)];
}

const features = [...byCode.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([code, polys]) => ({
  type: 'Feature',
  properties: { name: code },
  geometry: polys.length === 1 ? { type: 'Polygon', coordinates: polys[0] } : { type: 'MultiPolygon', coordinates: polys },
}));
const out = {
  source: 'Natural Earth 1:110m admin 0 countries (public domain) via world-atlas 2.0.2; points from 1:10m; see conf/report/NOTICE.md',
  type: 'FeatureCollection',
  features,
  points,
};
const file = repo + 'src/main/resources/marsad/report/world.json';
writeFileSync(file, JSON.stringify(out) + '\n');
console.log(file + ': ' + features.length + ' shapes, ' + Object.keys(points).length + ' points, '
  + readFileSync(file).length + ' bytes');
