"""Krippendorff's alpha and Cohen's kappa, written independently of factnet.

alpha() follows the coincidence-matrix computation of Krippendorff,
"Computing Krippendorff's Alpha-Reliability" (2011), section C: the
coincidence matrix o_ck (each ordered pair of values in a unit adds
1/(m_u - 1)), its marginals n_c, and alpha = 1 - (n - 1) *
sum_ck o_ck d2(c,k) / sum_ck n_c n_k d2(c,k). kappa() is scikit-learn's
cohen_kappa_score without weights: (p_o - p_e) / (1 - p_e) from the
confusion matrix. Missing values are None."""


def alpha(data, level):
    """data: rows = coders, columns = units; level 'nominal'|'interval'."""
    n_units = len(data[0])
    values = sorted({v for row in data for v in row if v is not None})
    index = {v: i for i, v in enumerate(values)}
    o = [[0.0] * len(values) for _ in values]
    for u in range(n_units):
        col = [row[u] for row in data if row[u] is not None]
        m = len(col)
        if m < 2:
            continue
        for a in range(m):
            for b in range(m):
                if a != b:
                    o[index[col[a]]][index[col[b]]] += 1.0 / (m - 1)
    n_c = [sum(r) for r in o]
    n = sum(n_c)

    def d2(c, k):
        if level == "nominal":
            return 0.0 if c == k else 1.0
        return float(values[c] - values[k]) ** 2

    obs = sum(o[c][k] * d2(c, k) for c in range(len(values))
              for k in range(len(values)))
    exp = sum(n_c[c] * n_c[k] * d2(c, k) for c in range(len(values))
              for k in range(len(values)))
    if exp == 0:
        return None
    return 1.0 - (n - 1) * obs / exp


def kappa(y1, y2):
    labels = sorted(set(y1) | set(y2))
    idx = {v: i for i, v in enumerate(labels)}
    q = len(labels)
    cm = [[0] * q for _ in range(q)]
    for a, b in zip(y1, y2):
        cm[idx[a]][idx[b]] += 1
    total = sum(map(sum, cm))
    rows = [sum(r) for r in cm]
    cols = [sum(cm[i][j] for i in range(q)) for j in range(q)]
    # sklearn: expected = outer(sum0, sum1) / sum(sum0); w_mat = 1 - I;
    # k = sum(w * cm) / sum(w * expected); kappa = 1 - k
    obs = sum(cm[i][j] for i in range(q) for j in range(q) if i != j)
    exp = sum(rows[i] * cols[j] / total for i in range(q) for j in range(q)
              if i != j)
    if exp == 0:
        return None
    return 1.0 - obs / exp


# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability",
# section C: 4 observers (A-D) x 12 units, '.' missing.
K2011 = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
    [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
]

if __name__ == "__main__":
    print("nominal", alpha(K2011, "nominal"))
    print("interval", alpha(K2011, "interval"))
