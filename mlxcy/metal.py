"""mlxcy.metal: (to be written: see the namespaces issue)"""
