# %%
import numpy as np

# %% mutant="matrix_of_rows" question="matrix_of"
def matrix_of(transform, n):
    """Puts the images in rows: the transpose of the matrix."""
    if n < 1:
        raise ValueError("n must be positive")
    return np.array([np.asarray(transform(e), dtype=float)
                     for e in np.eye(n)])

# %% mutant="matrix_of_assumes_square" question="matrix_of"
def matrix_of(transform, n):
    """Allocates an (n, n) result, as if every map went from R^n to R^n."""
    if n < 1:
        raise ValueError("n must be positive")
    M = np.zeros((n, n))
    for j in range(n):
        e = np.zeros(n)
        e[j] = 1.0
        image = np.asarray(transform(e), dtype=float)
        M[: image.size, j] = image[:n]
    return M

# %% mutant="matrix_of_skips_first" question="matrix_of"
def matrix_of(transform, n):
    """Off by one: starts at e_2 and leaves column 0 at zero."""
    if n < 1:
        raise ValueError("n must be positive")
    first = np.asarray(transform(np.eye(n)[0]), dtype=float)
    M = np.zeros((first.size, n))
    for j in range(1, n):
        M[:, j] = np.asarray(transform(np.eye(n)[j]), dtype=float)
    return M

# %% mutant="matrix_of_basis_not_reset" question="matrix_of"
def matrix_of(transform, n):
    """Sets e[j] = 1 but never clears the previous 1: e_1, e_1 + e_2, ..."""
    if n < 1:
        raise ValueError("n must be positive")
    e = np.zeros(n)
    columns = []
    for j in range(n):
        e[j] = 1.0
        columns.append(np.asarray(transform(e.copy()), dtype=float))
    return np.column_stack(columns)

# %% mutant="matrix_of_no_check" question="matrix_of"
def matrix_of(transform, n):
    """Right for n >= 1, but returns an empty array for n = 0."""
    return np.array([np.asarray(transform(e), dtype=float)
                     for e in np.eye(max(n, 0))]).T

# %% mutant="apply_rows" question="apply"
def apply(A, x):
    """Weights the ROWS of A by x: computes A^T x."""
    A = np.asarray(A, dtype=float)
    x = np.asarray(x, dtype=float)
    if A.ndim != 2 or A.size == 0 or x.shape != (A.shape[0],):
        raise ValueError("sizes do not fit")
    result = np.zeros(A.shape[1])
    for i in range(A.shape[0]):
        result = result + x[i] * A[i]
    return result

# %% mutant="apply_no_sum" question="apply"
def apply(A, x):
    """Scales the columns but forgets to add them up."""
    A = np.asarray(A, dtype=float)
    x = np.asarray(x, dtype=float)
    if A.ndim != 2 or A.size == 0 or x.shape != (A.shape[1],):
        raise ValueError("sizes do not fit")
    return A * x

# %% mutant="apply_sums_wrong_axis" question="apply"
def apply(A, x):
    """Adds down the columns instead of along the rows."""
    A = np.asarray(A, dtype=float)
    x = np.asarray(x, dtype=float)
    if A.ndim != 2 or A.size == 0 or x.shape != (A.shape[1],):
        raise ValueError("sizes do not fit")
    return (A * x).sum(axis=0)

# %% mutant="apply_zip_truncates" question="apply"
def apply(A, x):
    """No size check: zip silently drops the extra entries or columns."""
    A = np.asarray(A, dtype=float)
    if A.ndim != 2 or A.size == 0:
        raise ValueError("A must be a matrix")
    result = np.zeros(A.shape[0])
    for column, weight in zip(A.T, x):
        result = result + weight * column
    return result

# %% mutant="apply_flattens_x" question="apply"
def apply(A, x):
    """Flattens x: a column (n, 1) is silently taken for a vector."""
    A = np.asarray(A, dtype=float)
    x = np.ravel(np.asarray(x, dtype=float))
    if A.ndim != 2 or A.size == 0 or x.shape != (A.shape[1],):
        raise ValueError("sizes do not fit")
    result = np.zeros(A.shape[0])
    for j in range(A.shape[1]):
        result = result + x[j] * A[:, j]
    return result

# %% mutant="matrix_of_broadcasts_short_images" question="matrix_of"
def matrix_of(transform, n):
    """Fills a preallocated array: a length-1 image silently broadcasts."""
    if not isinstance(n, (int, np.integer)) or n < 1:
        raise ValueError("n must be a positive integer")
    identity = np.eye(n)
    first = np.asarray(transform(identity[:, 0]), dtype=float)
    M = np.empty((first.size, n))
    for j in range(n):
        M[:, j] = np.asarray(transform(identity[:, j]), dtype=float)
    return M

# %% mutant="apply_in_place" question="apply"
def apply(A, x):
    """Scales the columns of the caller's matrix in place."""
    A = np.asarray(A, dtype=float)
    x = np.asarray(x, dtype=float)
    if A.ndim != 2 or A.size == 0 or x.shape != (A.shape[1],):
        raise ValueError("sizes do not fit")
    A *= x
    return A.sum(axis=1)

# %% mutant="apply_integer_accumulator" question="apply"
def apply(A, x):
    """Keeps the dtype of A: integer matrices round the results."""
    A = np.asarray(A)
    x = np.asarray(x, dtype=float)
    if A.ndim != 2 or A.size == 0 or x.shape != (A.shape[1],):
        raise ValueError("sizes do not fit")
    result = np.zeros(A.shape[0], dtype=A.dtype)
    for j in range(A.shape[1]):
        result[:] = result + x[j] * A[:, j]
    return result

# %% mutant="matmul_wrong_order" question="matmul"
def matmul(A, B):
    """Composes the other way round: B A."""
    A = np.asarray(A, dtype=float)
    B = np.asarray(B, dtype=float)
    if A.ndim != 2 or B.ndim != 2 or B.shape[1] != A.shape[0]:
        raise ValueError("shapes do not fit")
    result = np.zeros((B.shape[0], A.shape[1]))
    for j in range(A.shape[1]):
        result[:, j] = (B * A[:, j]).sum(axis=1)
    return result

# %% mutant="matmul_rows_of_B" question="matmul"
def matmul(A, B):
    """Applies A to the ROWS of B (B[j] instead of B[:, j]): A B^T."""
    A = np.asarray(A, dtype=float)
    B = np.asarray(B, dtype=float)
    if A.ndim != 2 or B.ndim != 2 or A.shape[1] != B.shape[1]:
        raise ValueError("shapes do not fit")
    result = np.zeros((A.shape[0], B.shape[0]))
    for j in range(B.shape[0]):
        result[:, j] = (A * B[j]).sum(axis=1)
    return result

# %% mutant="matmul_transposed_result" question="matmul"
def matmul(A, B):
    """Fills rows where it should fill columns: returns (A B)^T."""
    A = np.asarray(A, dtype=float)
    B = np.asarray(B, dtype=float)
    if A.ndim != 2 or B.ndim != 2 or A.shape[1] != B.shape[0]:
        raise ValueError("shapes do not fit")
    result = np.zeros((B.shape[1], A.shape[0]))
    for j in range(B.shape[1]):
        result[j] = (A * B[:, j]).sum(axis=1)
    return result

# %% mutant="matmul_elementwise" question="matmul"
def matmul(A, B):
    """Multiplies matching entries, which is not composition."""
    A = np.asarray(A, dtype=float)
    B = np.asarray(B, dtype=float)
    if A.shape != B.shape or A.ndim != 2:
        raise ValueError("shapes do not fit")
    return A * B

# %% mutant="matmul_no_shape_check" question="matmul"
def matmul(A, B):
    """Sums over A's columns without checking B has that many rows."""
    A = np.asarray(A, dtype=float)
    B = np.asarray(B, dtype=float)
    m, k = A.shape
    n = B.shape[1]
    result = np.zeros((m, n))
    for i in range(m):
        for j in range(n):
            inner = range(min(k, len(B)))
            result[i, j] = sum(A[i, t] * B[t, j] for t in inner)
    return result

# %% mutant="matmul_integer_result" question="matmul"
def matmul(A, B):
    """Allocates the result with A's dtype: an integer A truncates."""
    A = np.asarray(A)
    B = np.asarray(B, dtype=float)
    if A.ndim != 2 or B.ndim != 2 or A.shape[1] != B.shape[0]:
        raise ValueError("shapes do not fit")
    result = np.zeros((A.shape[0], B.shape[1]), dtype=A.dtype)
    for j in range(B.shape[1]):
        result[:, j] = (A * B[:, j]).sum(axis=1)
    return result

# %% mutant="matmul_in_place" question="matmul"
def matmul(A, B):
    """Overwrites B's columns with their images (needs a square A)."""
    A = np.asarray(A, dtype=float)
    B = np.asarray(B, dtype=float)
    if A.ndim != 2 or B.ndim != 2 or A.shape[1] != B.shape[0]:
        raise ValueError("shapes do not fit")
    for j in range(B.shape[1]):
        B[:, j] = (A * B[:, j]).sum(axis=1)
    return B

# %% mutant="rotation_clockwise" question="rotation"
def rotation(theta):
    """The signs of sin swapped: turns clockwise."""
    c, s = np.cos(theta), np.sin(theta)
    return np.array([[c, s], [-s, c]])

# %% mutant="rotation_degrees" question="rotation"
def rotation(theta):
    """Treats theta as degrees."""
    t = np.deg2rad(theta)
    return np.array([[np.cos(t), -np.sin(t)], [np.sin(t), np.cos(t)]])

# %% mutant="rotation_sin_cos_swapped" question="rotation"
def rotation(theta):
    """Puts sin where cos belongs."""
    c, s = np.cos(theta), np.sin(theta)
    return np.array([[s, -c], [c, s]])

# %% mutant="rotation_missing_minus" question="rotation"
def rotation(theta):
    """Forgets the minus sign: e2 goes to (sin, cos)."""
    c, s = np.cos(theta), np.sin(theta)
    return np.array([[c, s], [s, c]])

# %% mutant="dense_not_transposed" question="dense_layer"
def dense_layer(X, W, b):
    """X @ W + b: works only when d_in == d_out, and then is wrong."""
    X = np.asarray(X, dtype=float)
    W = np.asarray(W, dtype=float)
    b = np.asarray(b, dtype=float)
    if X.ndim != 2 or X.size == 0:
        raise ValueError("X must be a matrix")
    return X @ W + b

# %% mutant="dense_bias_wrong_axis" question="dense_layer"
def dense_layer(X, W, b):
    """Adds b down the columns (b[i] to sample i) instead of along rows."""
    X = np.asarray(X, dtype=float)
    W = np.asarray(W, dtype=float)
    b = np.asarray(b, dtype=float)
    if X.ndim != 2 or X.size == 0 or W.shape[1] != X.shape[1]:
        raise ValueError("shapes do not fit")
    return X @ W.T + b[:, None]

# %% mutant="dense_samples_in_columns" question="dense_layer"
def dense_layer(X, W, b):
    """Returns (d_out, N): one column per sample instead of one row."""
    X = np.asarray(X, dtype=float)
    W = np.asarray(W, dtype=float)
    b = np.asarray(b, dtype=float)
    if X.ndim != 2 or X.size == 0 or W.shape[1] != X.shape[1]:
        raise ValueError("shapes do not fit")
    return W @ X.T + b[:, None]

# %% mutant="dense_with_relu" question="dense_layer"
def dense_layer(X, W, b):
    """Adds an activation the contract does not ask for."""
    X = np.asarray(X, dtype=float)
    W = np.asarray(W, dtype=float)
    b = np.asarray(b, dtype=float)
    if X.ndim != 2 or X.size == 0 or W.shape[1] != X.shape[1]:
        raise ValueError("shapes do not fit")
    return np.maximum(X @ W.T + b, 0.0)

# %% mutant="dense_no_bias" question="dense_layer"
def dense_layer(X, W, b):
    """Forgets the shift."""
    X = np.asarray(X, dtype=float)
    W = np.asarray(W, dtype=float)
    if X.ndim != 2 or X.size == 0 or W.shape[1] != X.shape[1]:
        raise ValueError("shapes do not fit")
    return X @ W.T

# %% mutant="dense_no_bias_check" question="dense_layer"
def dense_layer(X, W, b):
    """Right values, but lets numpy broadcast a bias of the wrong size."""
    X = np.asarray(X, dtype=float)
    W = np.asarray(W, dtype=float)
    if X.ndim != 2 or X.size == 0 or W.shape[1] != X.shape[1]:
        raise ValueError("shapes do not fit")
    return X @ W.T + np.asarray(b, dtype=float)

# %% variant="matrix_of_transpose_of_rows" question="matrix_of"
def matrix_of(transform, n):
    """Correct: builds rows, then transposes; keeps the images' dtype."""
    if not isinstance(n, (int, np.integer)) or n <= 0:
        raise ValueError("n has to be a positive whole number")
    rows = [np.asarray(transform(e)) for e in np.eye(n)]
    if len({r.shape for r in rows}) != 1 or rows[0].ndim != 1:
        raise ValueError("the images must be vectors of one length")
    return np.array(rows).T

# %% variant="matrix_of_preallocated" question="matrix_of"
def matrix_of(transform, n):
    """Correct: calls transform on the columns of the identity, fills an
    array allocated after the first image."""
    if int(n) != n or n < 1:
        raise ValueError("bad n")
    n = int(n)
    identity = np.identity(n)
    first = np.array(transform(identity[:, 0]), dtype=float).reshape(-1)
    M = np.empty((first.size, n))
    M[:, 0] = first
    for j in range(1, n):
        image = np.array(transform(identity[:, j]), dtype=float).reshape(-1)
        if image.size != first.size:
            raise ValueError("inconsistent output lengths")
        M[:, j] = image
    return M

# %% variant="apply_row_picture" question="apply"
def apply(A, x):
    """Correct: the row picture, one sum per row, vectorised."""
    A = np.array(A)
    x = np.array(x)
    if A.ndim != 2 or 0 in A.shape or x.shape != (A.shape[1],):
        raise ValueError("A must be (m, n) and x of length n")
    return np.sum(A * x, axis=1)

# %% variant="apply_python_lists" question="apply"
def apply(A, x):
    """Correct: pure Python loops, returns a list of floats."""
    if np.ndim(A) != 2 or np.ndim(x) != 1:
        raise ValueError("A must be a matrix and x a vector")
    rows = [list(map(float, row)) for row in A]
    x = [float(v) for v in x]
    if not rows or any(len(row) != len(x) for row in rows) or not x:
        raise ValueError("sizes do not fit")
    out = [0.0] * len(rows)
    for j, weight in enumerate(x):
        for i, row in enumerate(rows):
            out[i] += weight * row[j]
    return out

# %% variant="matmul_triple_loop" question="matmul"
def matmul(A, B):
    """Correct: the entry formula with three loops, as nested lists."""
    A = [list(row) for row in A]
    B = [list(row) for row in B]
    if not A or not B or not A[0] or not B[0]:
        raise ValueError("empty matrix")
    if any(len(r) != len(A[0]) for r in A) or any(
            len(r) != len(B[0]) for r in B) or len(A[0]) != len(B):
        raise ValueError("shapes do not fit")
    m, k, n = len(A), len(B), len(B[0])
    C = [[0.0] * n for _ in range(m)]
    for i in range(m):
        for j in range(n):
            C[i][j] = float(sum(A[i][t] * B[t][j] for t in range(k)))
    return np.array(C)

# %% variant="matmul_broadcast" question="matmul"
def matmul(A, B):
    """Correct: all products at once by broadcasting, then a sum over k;
    integer inputs give an integer result."""
    A, B = np.asarray(A), np.asarray(B)
    if A.ndim != 2 or B.ndim != 2 or A.size == 0 or B.size == 0:
        raise ValueError("need non-empty matrices")
    if A.shape[1] != B.shape[0]:
        raise ValueError("inner dimensions differ")
    return (A[:, :, None] * B[None, :, :]).sum(axis=1)

# %% variant="matmul_via_apply" question="matmul"
def matmul(A, B):
    """Correct: reuses apply, one column of B at a time."""
    B = np.asarray(B, dtype=float)
    if B.ndim != 2 or B.size == 0:
        raise ValueError("B must be a non-empty matrix")
    return np.column_stack([apply(A, B[:, j]) for j in range(B.shape[1])])

# %% variant="rotation_complex" question="rotation"
def rotation(theta):
    """Correct: e1 goes to the complex number exp(i theta)."""
    z = np.exp(1j * theta)
    return np.array([[z.real, -z.imag], [z.imag, z.real]])

# %% variant="rotation_nested_list" question="rotation"
def rotation(theta):
    """Correct: math module, nested list, built from its columns."""
    import math

    first = [math.cos(theta), math.sin(theta)]
    second = [-math.sin(theta), math.cos(theta)]
    return [[first[0], second[0]], [first[1], second[1]]]

# %% variant="dense_loop_over_samples" question="dense_layer"
def dense_layer(X, W, b):
    """Correct: one sample at a time."""
    X, W, b = np.asarray(X), np.asarray(W), np.asarray(b)
    if X.ndim != 2 or X.shape[0] == 0 or W.ndim != 2:
        raise ValueError("X and W must be matrices")
    if W.shape[1] != X.shape[1] or b.shape != (W.shape[0],):
        raise ValueError("X, W and b do not fit together")
    return np.stack([W @ x + b for x in X])

# %% variant="dense_einsum" question="dense_layer"
def dense_layer(X, W, b):
    """Correct: einsum over the input index, bias broadcast explicitly."""
    X = np.asarray(X, dtype=np.float64)
    W = np.asarray(W, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64).reshape(1, -1)
    if X.ndim != 2 or X.size == 0 or W.ndim != 2 or X.shape[1] != W.shape[1]:
        raise ValueError("shape mismatch")
    if b.shape[1] != W.shape[0]:
        raise ValueError("bias has the wrong length")
    return np.einsum("nd,od->no", X, W) + b
