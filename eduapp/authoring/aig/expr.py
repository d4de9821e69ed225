"""Safe arithmetic and boolean expressions for item-model constraints, derived values and
key rules (``paco2 > 45 and ph < 7.35``, ``na - cl - hco3``).

An expression is parsed once with Python's :mod:`ast` and only a small whitelist of node
types is accepted: numbers, strings, ``True``/``False``, variable names, ``+ - * / // %
**``, comparisons (chains too), ``and``/``or``/``not``, ``x if c else y``, tuples and
lists for ``in``, and the calls ``abs``, ``min``, ``max``, ``round``, ``log10``, ``sqrt``
(the Henderson-Hasselbalch pH needs ``log10``). Anything else
(attributes, subscripts, other calls, lambdas) is refused with a
:class:`~eduapp.errors.ValidationError`, so a shared model file cannot run code.
"""

from __future__ import annotations

import ast
import math
import operator
from functools import lru_cache
from typing import Any, Callable, Mapping

from ...errors import ValidationError

__all__ = ["compile_expr", "Expr"]

_BIN = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul,
        ast.Div: operator.truediv, ast.FloorDiv: operator.floordiv, ast.Mod: operator.mod,
        ast.Pow: operator.pow}
_CMP = {ast.Eq: operator.eq, ast.NotEq: operator.ne, ast.Lt: operator.lt, ast.LtE: operator.le,
        ast.Gt: operator.gt, ast.GtE: operator.ge,
        ast.In: lambda a, b: a in b, ast.NotIn: lambda a, b: a not in b}
_FUNCS = {"abs": abs, "min": min, "max": max, "round": round, "log10": math.log10,
          "sqrt": math.sqrt}

Expr = Callable[[Mapping[str, Any]], Any]


def _build(node: ast.AST, src: str) -> Expr:  # noqa: C901 - one branch per node type
    if isinstance(node, ast.Expression):
        return _build(node.body, src)
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float, str, bool)):
        v = node.value
        return lambda env: v
    if isinstance(node, ast.Name):
        name = node.id

        def lookup(env):
            try:
                return env[name]
            except KeyError:
                raise ValidationError(code="aig.expr-unknown-var",
                                      values={"name": name, "src": src}) from None
        return lookup
    if isinstance(node, ast.BinOp) and type(node.op) in _BIN:
        op, a, b = _BIN[type(node.op)], _build(node.left, src), _build(node.right, src)
        return lambda env: op(a(env), b(env))
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd, ast.Not)):
        a = _build(node.operand, src)
        if isinstance(node.op, ast.USub):
            return lambda env: -a(env)
        if isinstance(node.op, ast.Not):
            return lambda env: not a(env)
        return a
    if isinstance(node, ast.BoolOp):
        parts = [_build(v, src) for v in node.values]
        if isinstance(node.op, ast.And):
            return lambda env: all(p(env) for p in parts)
        return lambda env: any(p(env) for p in parts)
    if isinstance(node, ast.Compare) and all(type(o) in _CMP for o in node.ops):
        first = _build(node.left, src)
        rest = [(_CMP[type(o)], _build(c, src)) for o, c in zip(node.ops, node.comparators)]

        def compare(env):
            left = first(env)
            for op, right_fn in rest:
                right = right_fn(env)
                if not op(left, right):
                    return False
                left = right
            return True
        return compare
    if isinstance(node, ast.IfExp):
        t, c, f = _build(node.test, src), _build(node.body, src), _build(node.orelse, src)
        return lambda env: c(env) if t(env) else f(env)
    if isinstance(node, (ast.Tuple, ast.List)):
        elts = [_build(e, src) for e in node.elts]
        return lambda env: tuple(e(env) for e in elts)
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
            and node.func.id in _FUNCS and not node.keywords):
        fn = _FUNCS[node.func.id]
        args = [_build(a, src) for a in node.args]
        return lambda env: fn(*(a(env) for a in args))
    raise ValidationError(code="aig.expr-not-allowed",
                          values={"src": src, "node": type(node).__name__,
                                  "allowed": "abs/min/max/round/log10/sqrt"})


@lru_cache(maxsize=4096)
def compile_expr(src: str) -> Expr:
    """Compile ``src`` into a function of a variable mapping.

    :param src: the expression text, e.g. ``"abs(paco2 - (1.5 * hco3 + 8)) <= 2"``.
    :returns: ``fn(env) -> value``; ``fn`` raises :class:`ValidationError` naming an
        unknown variable.
    :raises ValidationError: a syntax error or a construct outside the whitelist.

    ::

        compile_expr("na - cl - hco3")({"na": 140, "cl": 104, "hco3": 12})   # 24
    """
    if not isinstance(src, str) or not src.strip():
        raise ValidationError(code="aig.expr-empty")
    try:
        tree = ast.parse(src.strip(), mode="eval")
    except SyntaxError as e:
        raise ValidationError(code="aig.expr-invalid",
                              values={"src": src, "detail": e.msg}) from None
    return _build(tree, src)


def names_in(src: str) -> set[str]:
    """The variable names an expression reads (for validation of a model)."""
    try:
        tree = ast.parse(src.strip(), mode="eval")
    except SyntaxError:
        return set()
    calls = {n.func.id for n in ast.walk(tree) if isinstance(n, ast.Call)
             and isinstance(n.func, ast.Name)}
    return {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)} - calls - {"True", "False"}
