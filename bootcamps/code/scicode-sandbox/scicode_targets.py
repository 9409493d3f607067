"""Where a SciCode step's test cases get `target` from, inside the sandbox (bootcamp-eval's own helper).

h5_targets: the authors' test_data.h5, laid out as <step>/test<N>/<var...> (one dataset, or several that make
a tuple; groups that hold lists, dicts or sparse matrices), read with h5py.

capture_targets: for the dev set, whose targets are not published, the step's ground-truth code is run and each
test case's assert is rewritten so that what it compares against `target` is recorded instead of compared:
np.allclose(X, target) or any call taking target (or target[i]) records X; `X == target` records X. The cases of
a step run in order in one namespace (some carry random state from one case to the next), and the random
generators' state is put back afterwards, so the tests of the model's code start where they would have.
"""
import ast
import random

import numpy as np


def _dataset(obj):
    value = obj[()]
    return value.decode('utf-8', errors='strict') if isinstance(value, bytes) else value


def _sparse(group):
    import scipy.sparse
    data = group['data'][()]
    shape = tuple(group['shape'][()])
    if 'row' in group and 'col' in group:
        return scipy.sparse.coo_matrix((data, (group['row'][()], group['col'][()])), shape=shape)
    if 'blocksize' in group:
        return scipy.sparse.bsr_matrix((data, group['indices'][()], group['indptr'][()]), shape=shape, blocksize=tuple(group['blocksize'][()]))
    return scipy.sparse.csr_matrix((data, group['indices'][()], group['indptr'][()]), shape=shape)


def _group(group):
    import h5py
    keys = list(group.keys())
    if keys and keys[0] == 'list':
        return [group['list'][k][()] for k in group['list'].keys()]
    if keys and keys[0] == 'sparse_matrix':
        return _sparse(group['sparse_matrix'])
    out = {}
    for key, obj in group.items():
        if isinstance(obj, h5py.Group):
            out[key] = _sparse(obj['sparse_matrix'])
        elif isinstance(obj[()], bytes):
            out[key] = obj[()].decode('utf-8', errors='strict')
        else:
            try:
                out[float(key)] = obj[()]
            except ValueError:
                out[key] = obj[()]
    return out


def _value(obj):
    import h5py
    return _group(obj) if isinstance(obj, h5py.Group) else _dataset(obj)


def h5_targets(step_id, count, path):
    import h5py
    targets = []
    with h5py.File(path, 'r') as f:
        for n in range(count):
            where = '%s/test%d' % (step_id, n + 1)
            if where not in f:
                raise KeyError('%s is not in %s' % (where, path))
            group = f[where]
            keys = list(group.keys())
            if len(keys) == 1:
                targets.append(_value(group[keys[0]]))
            else:
                targets.append(tuple(_value(group[k]) for k in keys))
    return targets


class _NoTarget(Exception):
    pass


def _is_target(node):
    """`target` itself, or `target[<int>]`: the slot it names (None for the whole target)."""
    if isinstance(node, ast.Name) and node.id == 'target':
        return True, None
    if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and node.value.id == 'target':
        index = node.slice
        if isinstance(index, ast.Constant) and isinstance(index.value, int):
            return True, index.value
    return False, None


class _Rewrite(ast.NodeTransformer):
    """Each place that compares something with target becomes __bce_record(<that thing>, <slot>)."""

    def __init__(self):
        self.sites = 0

    def _record(self, value, slot):
        self.sites += 1
        return ast.Call(func=ast.Name(id='__bce_record', ctx=ast.Load()), args=[value, ast.Constant(slot)], keywords=[])

    def visit_Call(self, node):
        positional = [(i, _is_target(a)) for i, a in enumerate(node.args)]
        hits = [(i, slot) for i, (is_t, slot) in positional if is_t]
        if hits:
            others = [a for a in node.args if not _is_target(a)[0]]
            if others:
                return self._record(self.visit(others[0]), hits[0][1])
        return self.generic_visit(node)

    def visit_Compare(self, node):
        if len(node.ops) == 1 and isinstance(node.ops[0], (ast.Eq, ast.Is)):
            left, right = node.left, node.comparators[0]
            is_r, slot_r = _is_target(right)
            if is_r:
                return self._record(self.visit(left), slot_r)
            is_l, slot_l = _is_target(left)
            if is_l:
                return self._record(self.visit(right), slot_l)
        return self.generic_visit(node)


def _uses_target(node):
    return any(isinstance(n, ast.Name) and n.id == 'target' for n in ast.walk(node))


def capture_targets(ground_truth_source, test_cases):
    """The target of each test case, from running the ground-truth code; None where a case names no target."""
    np_state = np.random.get_state()
    py_state = random.getstate()
    try:
        space = {'__name__': '__bce_ground_truth__'}
        exec(compile(ground_truth_source, '<ground truth>', 'exec'), space)
        targets = []
        for number, case in enumerate(test_cases, 1):
            recorded = {}

            def record(value, slot, recorded=recorded):
                recorded[slot] = value
                return True

            space['__bce_record'] = record
            space['target'] = None
            tree = ast.parse(case)
            body = []
            uses = False
            for stmt in tree.body:
                if isinstance(stmt, ast.Assert) and _uses_target(stmt.test):
                    uses = True
                    rewrite = _Rewrite()
                    test = rewrite.visit(stmt.test)
                    if rewrite.sites == 0:
                        raise _NoTarget('test case %d compares target in a way this helper does not read: %s' % (number, ast.unparse(stmt.test)[:200]))
                    stmt = ast.Expr(value=test)
                body.append(stmt)
            module = ast.Module(body=body, type_ignores=[])
            ast.fix_missing_locations(module)
            exec(compile(module, '<test case %d>' % number, 'exec'), space)
            if not uses:
                targets.append(None)
            elif list(recorded) == [None]:
                targets.append(recorded[None])
            else:
                slots = sorted(k for k in recorded if k is not None)
                targets.append(tuple(recorded.get(k) for k in range(slots[-1] + 1)) if slots else recorded.get(None))
        return targets
    finally:
        np.random.set_state(np_state)
        random.setstate(py_state)
