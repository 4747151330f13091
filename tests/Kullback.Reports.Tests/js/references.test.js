// kullback-math.js against the 60-digit references of shared/reference/measures.json (copied into Data/): every
// measure the page shows to 1e-12 relative, "0" exactly 0, "Infinity" +∞.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { K, close } = require('./helpers.js');

const file = process.env.KULLBACK_REFERENCE_MEASURES ?? path.join(__dirname, '..', 'Data', 'measures.json');
const cases = JSON.parse(fs.readFileSync(file, 'utf8')).cases;

function expect(actual, text, what) {
  if (text === '0') assert.equal(actual, 0, `${what}: expected exactly 0, got ${actual}`);
  else if (text === 'Infinity') assert.equal(actual, Infinity, `${what}: expected +∞, got ${actual}`);
  else close(actual, Number(text), 1e-12, what);
}

test('there are reference cases', () => assert.ok(cases.length >= 20));

for (const c of cases) {
  test(`reference ${c.name}`, () => {
    const e = c.expected;
    expect(K.entropy(c.p), e.entropy_p, 'entropy_p');
    expect(K.entropy(c.q), e.entropy_q, 'entropy_q');
    expect(K.crossEntropy(c.p, c.q), e.cross_entropy_pq, 'cross_entropy_pq');
    expect(K.crossEntropy(c.q, c.p), e.cross_entropy_qp, 'cross_entropy_qp');
    expect(K.kullbackLeibler(c.p, c.q), e.kl_pq, 'kl_pq');
    expect(K.kullbackLeibler(c.q, c.p), e.kl_qp, 'kl_qp');
    expect(K.jensenShannon(c.p, c.q), e.js_divergence, 'js_divergence');
    expect(Math.sqrt(K.jensenShannon(c.p, c.q)), e.js_distance, 'js_distance');
  });
}
