"""The PySide6 GUI: windows, pages, Qt models and the ``Op`` worker helper. It calls the
feature packages and adds views, never logic."""
