"""mlxcy.cuda: (to be written: see the namespaces issue)"""
