"""mlxcy.nn (to be written: see the nn issue)"""
