// The semantics every measure keeps, on seeded random inputs: never negative, identical inputs exactly 0, zeros
// exact (+∞ where p > 0 = q, no ε), weights normalised (scaling changes nothing), JS bounded by ln 2, contributions
// summing to D, bad input refused with a reason.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { K, close } = require('./helpers.js');

function seeded(seed) {
  let s = seed >>> 0;
  return () => { s = (s * 1664525 + 1013904223) >>> 0; return s / 4294967296; };
}

function vector(random, n, zeros) {
  const v = Array.from({ length: n }, () => (random() < zeros ? 0 : -Math.log(1 - random())));
  if (v.every(x => x === 0)) v[0] = 1;
  return v;
}

test('divergences are never negative, and 0 exactly for identical inputs', () => {
  const random = seeded(1);
  for (let i = 0; i < 300; i++) {
    const n = 1 + Math.floor(random() * 40);
    const p = vector(random, n, 0.2), q = vector(random, n, 0.2);
    for (const v of [K.kullbackLeibler(p, q), K.kullbackLeibler(q, p), K.jensenShannon(p, q), K.entropy(p)]) assert.ok(v >= 0, `negative: ${v}`);
    assert.ok(K.jensenShannon(p, q) <= Math.LN2);
    assert.equal(K.kullbackLeibler(p, p), 0);
    assert.equal(K.jensenShannon(p, p.slice()), 0);
  }
});

test('D(p‖q) is +∞ exactly where some p > 0 has q = 0, and those outcomes are named', () => {
  assert.equal(K.kullbackLeibler([0.5, 0.5], [1, 0]), Infinity);
  assert.deepEqual(K.infiniteAt([0.5, 0.5, 0], [1, 0, 0]), [1]);
  assert.equal(K.crossEntropy([0.2, 0.8], [0, 1]), Infinity);
  assert.ok(isFinite(K.kullbackLeibler([1, 0], [0.5, 0.5])));
  assert.equal(K.kullbackLeiblerContributions([0.5, 0.5, 0], [1, 0, 3])[1], Infinity);
  assert.equal(K.kullbackLeiblerContributions([0.5, 0.5, 0], [1, 0, 3])[2], 0);
});

// Both vectors scaled alike: the library (and so the page) loses digits in ln(Σq/Σp) when the two totals differ by
// orders of magnitude (PairContext.LogScale takes log1p of a quotient near −1); the page's vectors always sum to 1.
test('weights are normalised exactly: scaling the vectors changes nothing beyond rounding', () => {
  const random = seeded(2);
  for (let i = 0; i < 100; i++) {
    const p = vector(random, 12, 0.1), q = vector(random, 12, 0);
    const scale = Math.pow(2, Math.floor(random() * 40) - 20) * 3;
    close(K.kullbackLeibler(p.map(x => x * scale), q.map(x => x * scale)), K.kullbackLeibler(p, q), 1e-13, 'scaled p and q');
    close(K.jensenShannon(p.map(x => x * 1.1), q.map(x => x * 0.9)), K.jensenShannon(p, q), 1e-13, 'JS of rescaled p and q');
    close(K.entropy(p.map(x => x * scale)), K.entropy(p), 1e-13, 'scaled entropy');
  }
});

test('H(p, q) = H(p) + D(p‖q) and the contributions sum to D(p‖q)', () => {
  const random = seeded(3);
  for (let i = 0; i < 100; i++) {
    const p = vector(random, 9, 0.2), q = vector(random, 9, 0);
    const d = K.kullbackLeibler(p, q);
    close(K.crossEntropy(p, q), K.entropy(p) + d, 1e-12, 'cross-entropy');
    close(K.kullbackLeiblerContributions(p, q).reduce((a, b) => a + b, 0), d, 1e-9, 'contributions', 1e-12);
  }
});

test('bad input is refused with a reason, never answered with NaN', () => {
  for (const [p, q] of [[[], []], [[0, 0], [1, 1]], [[NaN, 1], [1, 1]], [[-1, 2], [1, 1]], [[1, 2], [1, 2, 3]], [[Infinity, 1], [1, 1]]]) {
    assert.throws(() => K.kullbackLeibler(p, q), e => e instanceof K.InvalidArgumentError && e.reason.length > 0);
  }
});

test('the Huffman code is a prefix code that meets Kraft\'s equality, its mean length within a bit of the cross-entropy', () => {
  const random = seeded(4);
  for (let i = 0; i < 50; i++) {
    const q = vector(random, 2 + Math.floor(random() * 30), 0.1), p = q.map(x => x);
    const words = K.huffmanCode(q).filter(w => w != null);
    const kraft = words.reduce((s, w) => s + Math.pow(2, -w.length), 0);
    if (words.length > 1) close(kraft, 1, 1e-15, 'Kraft');
    for (const a of words) for (const b of words) if (a !== b) assert.ok(!b.startsWith(a), `${a} is a prefix of ${b}`);
    const h = K.entropy(p) / Math.LN2, l = K.expectedLength(K.huffmanCode(q), p);
    assert.ok(l >= h - 1e-12 && l <= h + 1, `${l} vs H = ${h}`);
  }
});

test('forward KL fits the mixture\'s moments; reverse KL picks a peak; both are minima', () => {
  const components = [{ weight: 0.5, mu: -2, sigma: 0.7 }, { weight: 0.5, mu: 2, sigma: 0.7 }];
  const f = K.forwardFit(components), r = K.reverseFit(components);
  close(f.mu, 0, 1e-15, 'forward mean', 1);
  close(f.sigma, Math.sqrt(4 + 0.49), 1e-15, 'forward σ');
  assert.ok(Math.abs(Math.abs(r.mu) - 2) < 0.1, `reverse mean ${r.mu}`);
  assert.ok(r.sigma < 1, `reverse σ ${r.sigma}`);
  const pq = (mu, s) => K.klMixtureToNormal(components, mu, s), qp = (mu, s) => K.klNormalToMixture(components, mu, s);
  for (const [dm, ds] of [[0.01, 0], [-0.01, 0], [0, 0.01], [0, -0.01]]) {
    assert.ok(pq(f.mu + dm, f.sigma + ds) > pq(f.mu, f.sigma));
    assert.ok(qp(r.mu + dm, r.sigma + ds) > qp(r.mu, r.sigma));
  }
  // D(P‖Q) at the forward fit against its closed form for one Gaussian component: the quadrature is exact enough.
  close(K.klMixtureToNormal([{ weight: 1, mu: 0.3, sigma: 1.2 }], -0.4, 2), K.normalKullbackLeibler(0.3, 1.2, -0.4, 2), 1e-13, 'quadrature');
});
