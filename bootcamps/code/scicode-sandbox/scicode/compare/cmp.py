"""The comparison helpers SciCode's test cases import (scicode.compare.cmp), written for bootcamp-eval with
the same semantics: dictionaries and sequences compared element by element, numbers and arrays with
np.allclose, sparse matrices through their dense form, sympy symbols and strings by equality."""
import numpy as np
import scipy.sparse
import sympy

_SPARSE = (scipy.sparse.csr_matrix, scipy.sparse.csc_matrix, scipy.sparse.bsr_matrix, scipy.sparse.coo_matrix)


def process_symbol_in_dict(d):
    """Symbols as keys or values become their names."""
    out = {}
    for key, value in d.items():
        if isinstance(value, sympy.Symbol):
            value = str(value)
        out[str(key) if isinstance(key, sympy.Symbol) else key] = value
    return out


def are_dicts_close(dict1, dict2, atol=1e-8, rtol=1e-5):
    dict1 = process_symbol_in_dict(dict1)
    dict2 = process_symbol_in_dict(dict2)
    if dict1.keys() != dict2.keys():
        return False
    for key, a in dict1.items():
        b = dict2[key]
        if isinstance(a, (sympy.Symbol, str)):
            if a != b:
                return False
        elif isinstance(a, _SPARSE):
            if not np.allclose(a.toarray(), b.toarray(), atol=atol, rtol=rtol):
                return False
        else:
            try:
                if not np.allclose(a, b, atol=atol, rtol=rtol):
                    return False
            except ValueError:
                if a != b:
                    return False
    return True


def are_csc_matrix_close(matrix1, matrix2):
    return np.allclose(matrix1.toarray(), matrix2.toarray())


def cmp_tuple_or_list(var1, var2):
    if len(var1) != len(var2):
        return False
    for a, b in zip(var1, var2):
        if isinstance(a, dict):
            if not are_dicts_close(a, b):
                return False
        elif isinstance(a, (scipy.sparse.csr_matrix, scipy.sparse.csc_matrix)):
            if not are_csc_matrix_close(a, b):
                return False
        elif isinstance(a, bool):
            if a != b:
                return False
        else:
            try:
                if not np.allclose(a, b):
                    return False
            except ValueError as e:
                print(e)
                if a != b:
                    return False
    return True
