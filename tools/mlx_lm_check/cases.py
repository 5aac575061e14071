"""One side of the mlx-lm check: run mlx-lm's own model code on small random models and print
the results as JSON. Run by tools/mlx_lm_check/__main__.py with the .mlxlm-venv interpreter:

    python cases.py --binding reference              # the venv's own mlx
    python cases.py --binding mlxcy --mlxcy-site DIR # mlx served by mlxcy (DIR: mlxcy's site-packages)

For each model: a forward pass over a prompt (last position's logits) and greedy
`stream_generate` of 32 tokens; then a LoRA training run through mlx_lm.tuner (3 steps) and a
quantized model as mlx_lm.convert makes it (quantize_model, save_model, load_model, generate);
and mlx_lm.server answering completions from its generation thread while this thread waits.
Weights come from NumPy, seeded by parameter name, so both bindings start from the same model
without relying on their random number generators agreeing.
"""
import argparse
import json
import os
import sys
import tempfile
import time
import zlib

VOCAB = 256
PROMPT = [(7 * i + 3) % VOCAB for i in range(24)]
NEW_TOKENS = 32

_COMMON = dict(hidden_size=64, num_hidden_layers=2, intermediate_size=128, num_attention_heads=4,
               num_key_value_heads=2, rms_norm_eps=1e-5, vocab_size=VOCAB, max_position_embeddings=512)

# Small configs of the architectures mlx-lm users run most, in mlx-lm's config.json format.
CONFIGS = {
    "llama": dict(_COMMON, model_type="llama", tie_word_embeddings=False),
    "mistral": dict(_COMMON, model_type="mistral", tie_word_embeddings=False, rope_theta=1e6),
    "qwen2": dict(_COMMON, model_type="qwen2", tie_word_embeddings=True),
    "qwen3": dict(_COMMON, model_type="qwen3", head_dim=16, tie_word_embeddings=True, rope_theta=1e6),
    "gemma": dict(_COMMON, model_type="gemma", head_dim=16),
    "gemma3_text": dict(_COMMON, model_type="gemma3_text", head_dim=16, num_hidden_layers=3,
                        sliding_window=8, sliding_window_pattern=2, query_pre_attn_scalar=16),
    "mixtral": dict(_COMMON, model_type="mixtral", num_local_experts=4, num_experts_per_tok=2),
    "qwen3_moe": dict(_COMMON, model_type="qwen3_moe", head_dim=16, num_experts=4, num_experts_per_tok=2,
                      decoder_sparse_step=1, mlp_only_layers=[], moe_intermediate_size=64,
                      rope_theta=1e6, tie_word_embeddings=False, norm_topk_prob=True),
}
LORA_MODEL = "llama"
QUANTIZED_MODEL = "qwen3"


def switch_to_mlxcy(mlxcy_site):
    """Make mlxcy importable from `mlxcy_site` (the site-packages folder its distribution is
    installed in; addsitedir runs its .pth files, which an editable install needs) and serve mlx
    from it."""
    import site

    # Where mlxcy is installed in this interpreter already (MLXCY_MLXLM_PYTHON naming the
    # interpreter that has both mlxcy and the reference mlx), its .pth files ran at start-up: no
    # second run. compat's finder serves mlx from mlxcy all the same.
    if os.path.realpath(mlxcy_site) not in {os.path.realpath(p) for p in sys.path if p}:
        site.addsitedir(mlxcy_site)
    import mlxcy.compat

    mlxcy.compat.install()


def deterministic_weights(model):
    """Replace the model's random initial parameters with NumPy draws seeded by their names;
    norms (all ones) and biases (all zeros) keep their initial values."""
    import mlx.core as mx
    import numpy as np
    from mlx.utils import tree_flatten, tree_unflatten

    new = []
    for name, p in tree_flatten(model.parameters()):
        value = np.array(p.astype(mx.float32))
        if value.size and (np.all(value == 1) or np.all(value == 0)):
            continue
        rng = np.random.default_rng(zlib.crc32(name.encode()))
        scale = 1.0 / np.sqrt(value.shape[-1])
        new.append((name, mx.array((rng.standard_normal(value.shape) * scale).astype(np.float32)).astype(p.dtype)))
    model.update(tree_unflatten(new))
    mx.eval(model.parameters())


def make_model(config):
    from mlx_lm.utils import _get_classes

    model_class, args_class = _get_classes(config)
    model = model_class(args_class.from_dict(config))
    deterministic_weights(model)
    return model


def make_tokenizer(vocab_size=VOCAB):
    """A word-level tokenizer over `vocab_size` made-up words, built in memory (no download, no
    EOS, so generation always runs the tokens asked for)."""
    from mlx_lm.tokenizer_utils import TokenizerWrapper
    from tokenizers import Tokenizer, models, pre_tokenizers
    from transformers import PreTrainedTokenizerFast

    vocab = {f"w{i}": i for i in range(vocab_size)}
    tok = Tokenizer(models.WordLevel(vocab, unk_token="w0"))
    tok.pre_tokenizer = pre_tokenizers.WhitespaceSplit()
    return TokenizerWrapper(PreTrainedTokenizerFast(tokenizer_object=tok))


def forward_and_generate(model, tokenizer):
    import mlx.core as mx
    from mlx_lm.generate import stream_generate

    logits = model(mx.array(PROMPT)[None])
    last = logits[0, -1].astype(mx.float32)
    tokens, text = [], ""
    for response in stream_generate(model, tokenizer, PROMPT, max_tokens=NEW_TOKENS):
        tokens.append(int(response.token))
        text += response.text
    return {"shape": list(logits.shape), "last_logits": last.tolist(), "tokens": tokens, "text": text}


def lora_training(config, tmp):
    """mlx_lm.tuner: LoRA layers on the last layer, then its `train` loop (compiled step, Adam)."""
    import mlx.core as mx
    import mlx.optimizers as optim
    import numpy as np
    from mlx.utils import tree_flatten, tree_unflatten
    from mlx_lm.tuner.callbacks import TrainingCallback
    from mlx_lm.tuner.trainer import TrainingArgs, train
    from mlx_lm.tuner.utils import linear_to_lora_layers

    model = make_model(config)
    model.freeze()
    linear_to_lora_layers(model, 1, {"rank": 4, "scale": 10.0, "dropout": 0.0})
    # LoRA's A matrices start random: give them NumPy values too (B starts at zero).
    trainable = []
    for name, p in tree_flatten(model.trainable_parameters()):
        rng = np.random.default_rng(zlib.crc32(name.encode()))
        value = p if np.all(np.array(p) == 0) else mx.array(
            (rng.standard_normal(p.shape) / np.sqrt(p.shape[0])).astype(np.float32))
        trainable.append((name, value))
    model.update(tree_unflatten(trainable))

    class Losses(TrainingCallback):
        def __init__(self):
            self.losses = []

        def on_train_loss_report(self, info):
            self.losses.append(info["train_loss"])

    rows = [[(5 * r + 11 * i + 1) % VOCAB for i in range(20 + 4 * r)] for r in range(4)]
    dataset = [(row, 0) for row in rows]
    losses = Losses()
    args = TrainingArgs(batch_size=4, iters=3, steps_per_report=1, steps_per_eval=1000,
                        adapter_file=os.path.join(tmp, "adapters.safetensors"))
    train(model, optim.Adam(learning_rate=1e-2), dataset, args=args, training_callback=losses)
    n_trainable = sum(p.size for _, p in tree_flatten(model.trainable_parameters()))
    return {"losses": losses.losses, "trainable": n_trainable,
            "adapter_saved": os.path.exists(args.adapter_file)}


def quantized(config, tokenizer, tmp):
    """As mlx_lm.convert -q: quantize_model, save_model + save_config, then load it back."""
    from mlx_lm.utils import load_model, quantize_model, save_config, save_model

    model = make_model(config)
    model, qconfig = quantize_model(model, config, group_size=32, bits=4)
    path = os.path.join(tmp, "quantized")
    save_model(path, model)
    save_config(qconfig, os.path.join(path, "config.json"))
    loaded, _ = load_model(__import__("pathlib").Path(path))
    out = forward_and_generate(loaded, tokenizer)
    out["quantization"] = qconfig["quantization"]
    return out


def server_completions(config, tokenizer, tmp):
    """mlx_lm.server as its command line sets it up (its own argument defaults, ModelProvider
    loading a saved model, ResponseGenerator's generation thread), behind an HTTP server on a
    free port; this (main) thread sends completion requests and waits for them, as clients do."""
    import threading
    import urllib.request
    from http.server import ThreadingHTTPServer

    from mlx_lm import server
    from mlx_lm.utils import save_config, save_model

    path = os.path.join(tmp, "server-model")
    save_model(path, make_model(config))
    save_config(dict(config), os.path.join(path, "config.json"))
    tokenizer._tokenizer.save_pretrained(path)

    answers = {}

    def serve_and_ask(host, port, model_provider):
        generator = server.ResponseGenerator(model_provider, server.LRUPromptCache(model_provider.cli_args.prompt_cache_size))
        httpd = ThreadingHTTPServer(("127.0.0.1", 0), lambda *a, **k: server.APIHandler(generator, *a, **k))
        http_thread = threading.Thread(target=httpd.serve_forever, daemon=True)
        http_thread.start()
        url = f"http://127.0.0.1:{httpd.server_port}/v1/completions"
        try:
            for name, body in (("plain", {"prompt": "w1 w2 w3 w4", "max_tokens": 16}),
                               ("stream", {"prompt": "w9 w8 w7", "max_tokens": 8, "stream": True})):
                request = urllib.request.Request(url, data=json.dumps(dict(body, temperature=0.0)).encode(),
                                                 headers={"Content-Type": "application/json"})
                with urllib.request.urlopen(request, timeout=120) as response:
                    text = response.read().decode()
                if name == "plain":
                    answers[name] = json.loads(text)["choices"][0]["text"]
                else:
                    chunks = [json.loads(line[len("data: "):]) for line in text.splitlines()
                              if line.startswith("data: {")]
                    answers[name] = "".join(c["choices"][0]["text"] for c in chunks)
        finally:
            httpd.shutdown()
            generator.stop_and_join()

    server.run = serve_and_ask
    saved_argv = sys.argv
    sys.argv = ["mlx_lm.server", "--model", path, "--log-level", "WARNING"]
    try:
        server.main()
    finally:
        sys.argv = saved_argv
    return answers


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binding", choices=["reference", "mlxcy"], required=True)
    parser.add_argument("--mlxcy-site", help="the site-packages folder mlxcy is installed in")
    parser.add_argument("--models", default=",".join(CONFIGS))
    parser.add_argument("--out", help="write the JSON here (default: stdout)")
    opts = parser.parse_args()
    start = time.perf_counter()
    if opts.binding == "mlxcy":
        switch_to_mlxcy(opts.mlxcy_site)
    import mlx.core as mx

    result = {"binding": opts.binding, "mlx_core": mx.__name__, "version": mx.__version__, "models": {}}
    seconds = result["seconds"] = {}
    tokenizer = make_tokenizer()
    seconds["start"] = time.perf_counter() - start
    with tempfile.TemporaryDirectory() as tmp:
        for name in opts.models.split(","):
            tic = time.perf_counter()
            result["models"][name] = forward_and_generate(make_model(CONFIGS[name]), tokenizer)
            seconds[name] = time.perf_counter() - tic
        tic = time.perf_counter()
        result["lora"] = lora_training(CONFIGS[LORA_MODEL], tmp)
        seconds["lora"] = time.perf_counter() - tic
        tic = time.perf_counter()
        result["quantized"] = quantized(CONFIGS[QUANTIZED_MODEL], tokenizer, tmp)
        seconds["quantized"] = time.perf_counter() - tic
        tic = time.perf_counter()
        result["server"] = server_completions(CONFIGS[LORA_MODEL], tokenizer, tmp)
        seconds["server"] = time.perf_counter() - tic
    seconds["total"] = time.perf_counter() - start
    text = json.dumps(result)
    if opts.out:
        with open(opts.out, "w") as f:
            f.write(text)
    else:
        print(text)


if __name__ == "__main__":
    sys.exit(main())
