"""Scoring worker for bootcamp-eval's Python bridge (standard library only).

Reads one JSON request per line on stdin and writes one JSON answer per line on stdout:
  {"id": 1, "op": "score", "data_source": "Game24", "output": "...", "ground_truth": {...}}
    -> {"id": 1, "score": 1.0, "extracted_output": ..., "error": "..."?}
  {"id": 2, "op": "check", "data_source": "Game24"}  -> {"id": 2, "ok": true} or {"id": 2, "ok": false, "error": "..."}
  {"id": 3, "op": "list"}                            -> {"id": 3, "names": ["Game24", ...]}
Bootcamps are found as the original run_eval.py finds them: `from internbootcamp.bootcamp import *`, then the
name "<data_source>bootcamp". stdout is reserved for answers: anything a bootcamp prints goes to stderr.
"""
import copy
import json
import math
import os
import sys
import traceback

# Keep a private handle on the real stdout for answers, then point fd 1 and sys.stdout at stderr so that
# prints from bootcamps (Python or C extensions) can never corrupt the protocol.
_answers = os.fdopen(os.dup(1), "w", encoding="utf-8", buffering=1)
os.dup2(2, 1)
sys.stdout = sys.stderr

_namespace = None
_import_error = None


def _bootcamps():
    global _namespace, _import_error
    if _namespace is None and _import_error is None:
        try:
            import internbootcamp.bootcamp as module  # noqa: the star import of the original, as a namespace
            names = getattr(module, "__all__", None) or [n for n in dir(module) if not n.startswith("_")]
            _namespace = {n: getattr(module, n) for n in names if hasattr(module, n)}
        except BaseException as exc:  # an import can fail in any way; report it, do not die
            _import_error = "cannot import internbootcamp.bootcamp: %s: %s" % (type(exc).__name__, exc)
    if _import_error is not None:
        raise LookupError(_import_error)
    return _namespace


def _find(data_source):
    cls = _bootcamps().get(data_source + "bootcamp")
    if cls is None:
        raise LookupError("no class %sbootcamp in internbootcamp.bootcamp" % data_source)
    return cls


def _jsonable(value, depth=0):
    """Tuples and sets become lists, non-finite floats and anything else unknown become repr strings."""
    if depth > 100:
        return repr(value)
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else repr(value)
    if isinstance(value, (list, tuple)):
        return [_jsonable(v, depth + 1) for v in value]
    if isinstance(value, dict):
        return {str(k): _jsonable(v, depth + 1) for k, v in value.items()}
    if isinstance(value, (set, frozenset)):
        return [_jsonable(v, depth + 1) for v in value]
    return repr(value)


def _score(request):
    cls = _find(request["data_source"])
    output = request["output"]
    ground_truth = request["ground_truth"]
    answer = {"id": request["id"]}
    try:
        extracted = cls.extract_output(output)
    except BaseException:
        extracted = None
    answer["extracted_output"] = _jsonable(extracted)
    try:
        # A deep copy: some verifiers mutate their ground truth, and a retry or repeat must see the original.
        score = cls.verify_score(output, copy.deepcopy(ground_truth), short_penalty=False, format_penalty=False)
        if isinstance(score, bool):
            score = 1.0 if score else 0.0
        if not isinstance(score, (int, float)) or not math.isfinite(score):
            raise TypeError("verify_score returned %r, not a number" % (score,))
        answer["score"] = float(score)
    except Exception as exc:
        answer["score"] = 0.0
        answer["error"] = "%s: %s" % (type(exc).__name__, exc)
    return answer


def _handle(request):
    op = request.get("op", "score")
    if op == "score":
        return _score(request)
    if op == "check":
        try:
            _find(request["data_source"])
            return {"id": request["id"], "ok": True}
        except LookupError as exc:
            return {"id": request["id"], "ok": False, "error": str(exc)}
    if op == "list":
        try:
            names = sorted(n[: -len("bootcamp")] for n, v in _bootcamps().items() if n.endswith("bootcamp") and n != "Basebootcamp" and isinstance(v, type))
            return {"id": request["id"], "names": names}
        except LookupError as exc:
            return {"id": request["id"], "names": [], "error": str(exc)}
    return {"id": request["id"], "error": "unknown op %r" % (op,)}


def main():
    # Ground truths may hold integers of thousands of digits (kept exact by the evaluator); Python 3.11+ refuses
    # to read or write ints beyond 4,300 digits unless told otherwise.
    if hasattr(sys, "set_int_max_str_digits"):
        sys.set_int_max_str_digits(0)
    # Import the bootcamps before saying ready: a cold import of InternBootcamp takes seconds, and the bridge
    # starts each request's timeout only once the worker is ready.
    try:
        _bootcamps()
    except LookupError:
        pass  # reported on each request that needs it
    _answers.write(json.dumps({"ready": True}) + "\n")
    for line in sys.stdin:
        if not line.strip():
            continue
        request = None
        try:
            request = json.loads(line)
            answer = _handle(request)
        except Exception as exc:
            answer = {"id": request.get("id") if isinstance(request, dict) else None, "score": 0.0, "error": "worker: %s: %s" % (type(exc).__name__, exc)}
            traceback.print_exc(file=sys.stderr)
        # ensure_ascii: a lone surrogate in an output (a cut emoji) is written as \\udXXX, never as bytes
        # UTF-8 cannot encode (which raised outside this loop's error handling and killed the worker).
        try:
            text = json.dumps(answer, ensure_ascii=True, allow_nan=False)
        except (TypeError, ValueError) as exc:
            text = json.dumps({"id": answer.get("id"), "score": 0.0, "extracted_output": None, "error": "worker: the answer is not JSON: %s" % exc})
        _answers.write(text + "\n")


if __name__ == "__main__":
    main()
