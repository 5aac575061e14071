"""The measuring side of bench/generate.py, run by the mlx-lm interpreter (.mlxlm-venv or MLXCY_MLXLM_PYTHON):
loads the models once, then answers each "round" line on stdin with one JSON line of mlx-lm's own figures.

    python _generate_worker.py reference|mlxcy MLXCY_SITE PROMPT_TOKENS NEW_TOKENS cpu|gpu

Its first line says what it runs on: {"ready": mlx.core's module name, "device", "version", "mlx_lm"}.
"""
import importlib.metadata
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "tools", "mlx_lm_check"))
import cases  # noqa: E402

# The check's architectures at a size where compute shows next to dispatch: width 256, 4 layers.
VOCAB = 1024
MODELS = ("llama", "qwen3", "gemma", "mixtral")


def bench_config(name):
    config = dict(cases.CONFIGS[name], hidden_size=256, intermediate_size=512, num_hidden_layers=4,
                  vocab_size=VOCAB)
    if "head_dim" in config:
        config["head_dim"] = 64
    return config


def binding_version(mx):
    """The binding's version as the report shows it (mlxcy: with the libmlx it binds)."""
    if mx.__name__ == "mlxcy":
        import mlxcy._build_info
        return f"{mx.__version__} (libmlx {mlxcy._build_info.MLX_VERSION})"
    return mx.__version__


def main():
    binding, site, prompt_tokens, new_tokens, device = (sys.argv[1], sys.argv[2], int(sys.argv[3]),
                                                        int(sys.argv[4]), sys.argv[5])
    if binding == "mlxcy":
        cases.switch_to_mlxcy(site)
    import mlx.core as mx

    # Before mlx_lm.generate is imported: it makes its generation stream on the default device then.
    mx.set_default_device(getattr(mx, device))
    from mlx_lm.generate import stream_generate

    tokenizer = cases.make_tokenizer(VOCAB)
    models = {name: cases.make_model(bench_config(name)) for name in MODELS}
    prompt = [(7 * i + 3) % VOCAB for i in range(prompt_tokens)]
    print(json.dumps({"ready": mx.__name__, "device": str(mx.default_device()), "version": binding_version(mx),
                      "mlx_lm": importlib.metadata.version("mlx-lm")}), flush=True)
    for line in sys.stdin:
        if line.strip() != "round":
            break
        out = {}
        for name, model in models.items():
            last = None
            for last in stream_generate(model, tokenizer, prompt, max_tokens=new_tokens):
                pass
            out[name] = {"prompt_tps": last.prompt_tps, "generation_tps": last.generation_tps,
                         "tokens": last.generation_tokens}
        print(json.dumps(out), flush=True)


if __name__ == "__main__":
    main()
