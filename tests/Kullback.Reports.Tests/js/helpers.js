// Shared by the Node tests: the page's math module, relative comparison and the JSON files the .NET side provides.
'use strict';
const path = require('node:path');
const fs = require('node:fs');
const assert = require('node:assert/strict');

const K = require(path.join(__dirname, '..', '..', '..', 'src', 'Kullback.Reports', 'Assets', 'kullback-math.js'));

const reviver = (key, value) => (value === 'Infinity' ? Infinity : value === '-Infinity' ? -Infinity : value);

/** Parsed JSON from the file named by an environment variable, or null when it is not set (the test then skips). */
function fromEnvironment(variable) {
  const file = process.env[variable];
  return file ? JSON.parse(fs.readFileSync(file, 'utf8'), reviver) : null;
}

/** |a − b| ≤ tolerance·max(|a|, |b|), or both the same infinity, or both exactly 0 where `exactZero`. */
function close(actual, expected, tolerance, what, floor = 0) {
  if (expected === Infinity || expected === -Infinity || actual === Infinity || actual === -Infinity) {
    assert.equal(actual, expected, `${what}: ${actual} vs ${expected}`);
    return;
  }
  assert.ok(typeof actual === 'number' && !Number.isNaN(actual), `${what}: ${actual} is not a number`);
  const scale = Math.max(Math.abs(actual), Math.abs(expected), floor);
  const error = scale === 0 ? 0 : Math.abs(actual - expected) / scale;
  assert.ok(error <= tolerance, `${what}: ${actual} vs ${expected} (relative error ${error.toExponential(2)})`);
}

module.exports = { K, fromEnvironment, close, reviver };
