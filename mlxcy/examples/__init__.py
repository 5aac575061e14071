"""Runnable examples of mlxcy workflows: ``python -m mlxcy.examples.<name> --help``.

- ``sharded_checkpoint``: write a model as a multi-shard safetensors checkpoint (the layout
  Hugging Face ships) and load it back, memory-mapped, with a progress bar.
"""
