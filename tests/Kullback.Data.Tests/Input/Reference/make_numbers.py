"""Reference values for the input layer's number parsing: decimal texts and the double that Python's float()
(David Gay's correctly rounded strtod) gives for each, as IEEE-754 bits. Run with /usr/bin/python3; writes
numbers.json beside this script. The texts are hard cases on purpose: halfway points between doubles, 17 to 800
significant digits, subnormals, the largest finite double and just below overflow, exponents far out."""
import json, random, struct
from decimal import Decimal, getcontext

getcontext().prec = 900
random.seed(20261201)

def bits(x):
    return struct.unpack('<Q', struct.pack('<d', x))[0]

texts = [
    "0", "-0", "+0", "0.0", ".5", "5.", "+1.5", "1e0", "1E+2", "1e-2", "123456789012345678901234567890",
    "0.1", "0.2", "0.3", "2.2250738585072014e-308", "2.2250738585072011e-308", "4.9406564584124654e-324",
    "2.4703282292062328e-324", "2.4703282292062327e-324",  # just above and below half the smallest subnormal
    "1.7976931348623157e308", "1.7976931348623158e308", "1.7976931348623158079e308",  # rounds down to the max
    "9007199254740993", "9007199254740992.5", "9007199254740993.0000000001",
    "1e308", "1e-307", "1e-320", "4.35679828e-311", "0.000000000000000000000000000000000000001",
    "3.141592653589793238462643383279502884197169399375105820974944592307816406286",
    "1.00000000000000011102230246251565404236316680908203125",   # exactly halfway between 1 and its successor
    "1.00000000000000011102230246251565404236316680908203124",
    "1.00000000000000011102230246251565404236316680908203126",
    "9007199254740993e-300", "7.2057594037927933e16", "1448997445238699", "1e23", "8.98846567431158e307",
]
# Halfway points between random consecutive doubles, written exactly, and nudged either way.
for _ in range(300):
    x = random.uniform(-1, 1) * 10 ** random.randint(-300, 300)
    m, e = abs(x).hex(), None
    d = Decimal(abs(x))
    nxt = Decimal(struct.unpack('<d', struct.pack('<Q', bits(abs(x)) + 1))[0])
    half = (d + nxt) / 2
    s = format(half, 'f') if -20 < half.adjusted() < 20 else format(half, 'e')
    texts.append(s)
    texts.append(format(half.next_plus(), 'e'))
    texts.append(format(half.next_minus(), 'e'))
# Random repr round trips (17 significant digits) and long digit strings.
for _ in range(300):
    texts.append(repr(random.gauss(0, 1) * 10 ** random.randint(-30, 30)))
    digits = ''.join(random.choice('0123456789') for _ in range(random.randint(20, 800)))
    texts.append(f"{digits[0]}.{digits[1:]}e{random.randint(-300, 300)}")

cases = [{"text": t, "bits": str(bits(float(t)))} for t in texts]
with open(__file__.replace('make_numbers.py', 'numbers.json'), 'w') as f:
    json.dump(cases, f, indent=0)
print(len(cases), "cases")
