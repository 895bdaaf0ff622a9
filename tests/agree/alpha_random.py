"""Krippendorff's alpha and Cohen's kappa of factnet (analysis/agree.h,
through the helper mode of tests/unit/test_agree.c) against the
independent implementations of alpha_ref.py, on random codings: 2 to 4
coders, 1 to 40 units, missing values, nominal and interval data.

usage: alpha_random.py TEST_AGREE"""
import random
import subprocess
import sys

import alpha_ref


def run(helper, args, text):
    out = subprocess.run([helper] + args, input=text, capture_output=True,
                         text=True, check=True).stdout.strip()
    return None if out in ("nan", "-nan") else float(out)


def close(got, want):
    if want is None or got is None:
        return got is None and want is None
    return abs(got - want) <= 1e-9 * max(1.0, abs(want))


def main():
    helper = sys.argv[1]
    rng = random.Random(19)
    failures = 0
    cases = 0
    for trial in range(300):
        coders = rng.randint(2, 4)
        units = rng.randint(1, 40)
        level = "nominal" if trial % 2 == 0 else "interval"
        cats = rng.randint(1, 6)
        missing = rng.choice([0.0, 0.1, 0.3, 0.6])
        lo = -2 if level == "interval" else 0
        data = [[None if rng.random() < missing
                 else rng.randint(lo, lo + cats - 1) for _ in range(units)]
                for _ in range(coders)]
        text = "%d %d\n" % (units, coders) + "\n".join(
            " ".join("nan" if data[k][u] is None else str(data[k][u])
                     for k in range(coders)) for u in range(units)) + "\n"
        got = run(helper, ["alpha", level], text)
        want = alpha_ref.alpha(data, level)
        cases += 1
        if not close(got, want):
            failures += 1
            print("alpha %s %dx%d: factnet %r, reference %r\n%s" %
                  (level, coders, units, got, want, text))
    for trial in range(100):
        n = rng.randint(1, 30)
        cats = rng.randint(1, 5)
        x = [rng.randint(0, cats - 1) for _ in range(n)]
        y = [v if rng.random() < 0.6 else rng.randint(0, cats - 1)
             for v in x]
        text = "%d\n%s\n%s\n" % (n, " ".join(map(str, x)),
                                 " ".join(map(str, y)))
        got = run(helper, ["kappa"], text)
        want = alpha_ref.kappa(x, y)
        cases += 1
        if not close(got, want):
            failures += 1
            print("kappa n=%d: factnet %r, reference %r\n%s" %
                  (n, got, want, text))
    # the published example through the same path
    text = "12 4\n" + "\n".join(
        " ".join("nan" if alpha_ref.K2011[k][u] is None
                 else str(alpha_ref.K2011[k][u]) for k in range(4))
        for u in range(12)) + "\n"
    for level, published in (("nominal", 0.743), ("interval", 0.849)):
        got = run(helper, ["alpha", level], text)
        cases += 1
        if abs(got - published) > 5e-4:
            failures += 1
            print("Krippendorff 2011 %s: factnet %r, published %r" %
                  (level, got, published))
    print("%d cases, %d failures" % (cases, failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
