"""The benchmark programs of bench/ that time code under a binding run one tiny round under mlxcy
and give what they promise (no timing is checked): decode.py's model decodes the same greedy tokens
as a hand-written NumPy forward of its own weights, transforms.py times every case, and the C++
floor of dispatch.py names only cases dispatch.py has."""
import contextlib
import io
import json
import os
import re
import sys

import numpy as np
import pytest

import mlxcy

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, "bench")
sys.path.insert(0, BENCH)

import decode  # noqa: E402
import dispatch  # noqa: E402
import transforms  # noqa: E402


def _exec_printing(code, **names):
    """Run `code` with `mx` bound to mlxcy; returns the namespace and the last line it printed, as JSON."""
    env = dict(mx=mlxcy, **names)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, "bench-code", "exec"), env)
    return env, json.loads(out.getvalue().strip().splitlines()[-1])


def test_transforms_times_every_case():
    code = (f"TRANSFORM_CASES = {transforms.TRANSFORM_CASES!r}\nTRAINING_CASES = {transforms.TRAINING_CASES!r}\n"
            f"N_LAYERS = 3\nOPTIMIZER_CASE = {transforms.OPTIMIZER_CASE!r}\nN, N_TRAIN, REPS = 2, 1, 1\n"
            + transforms.CODE)
    _, out = _exec_printing(code)
    expected = {c[0] for c in transforms.TRANSFORM_CASES + transforms.TRAINING_CASES} | {
        transforms.OPTIMIZER_CASE, "__loop__"}
    assert set(out) == expected
    assert all(v[0] > 0 for v in out.values())


def _numpy_logits(model, tokens):
    """Last-position logits of decode.py's TinyLlama over `tokens`, recomputed whole in NumPy (float64)."""
    p = {k: np.array(v).astype(np.float64) for k, v in mlxcy.utils.tree_flatten(model.parameters())}
    heads, d = 4, 64
    hd = d // heads

    def rms(x, w):
        return x / np.sqrt((x * x).mean(-1, keepdims=True) + 1e-5) * w

    def rope(x):                      # x: (heads, L, hd), positions 0..L-1, halves rotated
        half = hd // 2
        freqs = 10000.0 ** (-np.arange(half) / half)
        ang = np.arange(x.shape[1])[:, None] * freqs[None, :]
        cos, sin = np.cos(ang), np.sin(ang)
        x1, x2 = x[..., :half], x[..., half:]
        return np.concatenate([x1 * cos - x2 * sin, x1 * sin + x2 * cos], -1)

    x = p["embed.weight"][tokens]
    L = len(tokens)
    for i in range(2):
        pre = f"layers.{i}."
        h = rms(x, p[pre + "attn_norm.weight"])
        q, k, v = (h @ p[pre + f"attn.{n}_proj.weight"].T for n in ("q", "k", "v"))
        q, k, v = (t.reshape(L, heads, hd).transpose(1, 0, 2) for t in (q, k, v))
        q, k = rope(q), rope(k)
        s = q @ k.transpose(0, 2, 1) / np.sqrt(hd) + np.triu(np.full((L, L), -np.inf), 1)
        a = np.exp(s - s.max(-1, keepdims=True))
        a /= a.sum(-1, keepdims=True)
        o = (a @ v).transpose(1, 0, 2).reshape(L, d)
        x = x + o @ p[pre + "attn.o_proj.weight"].T
        h = rms(x, p[pre + "mlp_norm.weight"])
        g = h @ p[pre + "mlp.gate.weight"].T
        x = x + ((g / (1 + np.exp(-g))) * (h @ p[pre + "mlp.up.weight"].T)) @ p[pre + "mlp.down.weight"].T
    return (rms(x, p["norm.weight"]) @ p["head.weight"].T)[-1]


def test_decode_runs_and_its_greedy_tokens_match_numpy():
    env, out = _exec_printing(decode.params(5, 1) + decode.CODE)
    assert out["greedy"][0] > 0 and out["sampled"][0] > 0
    assert set(out) >= {"split build", "split eval", "split item"}
    tokens = out["__tokens__"]
    assert len(tokens["greedy"]) == 5 and len(tokens["sampled"]) == 5
    # Each greedy token is the arg max of the NumPy logits after the prompt and the tokens before it,
    # up to a near tie (float32 here, TF32 products on a GPU); a wrong model picks tokens far below.
    prompt = np.array(env["prompt"])[0].tolist()
    for j, token in enumerate(tokens["greedy"]):
        logits = _numpy_logits(env["model"], prompt + tokens["greedy"][:j])
        assert logits[token] >= logits.max() - 1e-2 * max(1.0, abs(logits.max())), (j, token, int(logits.argmax()))


def test_floor_cases_are_dispatch_cases():
    with open(os.path.join(BENCH, "floor", "dispatch_floor.cpp")) as f:
        src = f.read()
    floor_names = set(re.findall(r'\{"([^"]+)", \[&\]', src)) | set(re.findall(r'cases\.push_back\(\{"([^"]+)"', src))
    basket = {name for name, _, _ in dispatch.BASKET}
    assert floor_names and floor_names <= basket, floor_names - basket
    # every BASKET case but none has a floor
    assert basket - floor_names == set(), basket - floor_names
