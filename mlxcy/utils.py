"""mlxcy.utils: tree helpers (to be written: see the transforms issue)"""
