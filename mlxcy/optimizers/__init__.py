"""mlxcy.optimizers (to be written: see the optimizers issue)"""
