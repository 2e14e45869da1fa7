"""The Qt user interface: screens and dialogs over the Qt-free core."""
