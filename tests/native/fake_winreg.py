"""The part of winreg that install uses, over a dict: Windows registration tested on Linux."""

HKEY_CURRENT_USER = "HKCU"
KEY_SET_VALUE = 2
REG_SZ = 1


class FakeRegistry:
    HKEY_CURRENT_USER = HKEY_CURRENT_USER
    KEY_SET_VALUE = KEY_SET_VALUE
    REG_SZ = REG_SZ

    def __init__(self, keys=()):
        # lower-cased path -> {value name: (value, type)}; the registry is case-insensitive.
        self.keys: dict[str, dict] = {}
        for key in keys:
            self._ensure(key)

    def _ensure(self, path):
        parts = path.split("\\")
        for depth in range(1, len(parts) + 1):
            self.keys.setdefault("\\".join(parts[:depth]).lower(), {})

    def snapshot(self):
        return {k: dict(v) for k, v in self.keys.items()}

    def OpenKey(self, root, path, reserved=0, access=0):  # noqa: N802 (winreg's names)
        assert root == HKEY_CURRENT_USER
        if path.lower() not in self.keys:
            raise FileNotFoundError(path)
        return path.lower()

    def CreateKey(self, root, path):  # noqa: N802
        assert root == HKEY_CURRENT_USER
        self._ensure(path)
        return path.lower()

    def CloseKey(self, key):  # noqa: N802
        pass

    def SetValueEx(self, key, name, reserved, kind, value):  # noqa: N802
        self.keys[key][name] = (value, kind)

    def QueryValueEx(self, key, name):  # noqa: N802
        if name not in self.keys[key]:
            raise FileNotFoundError(name)
        return self.keys[key][name]

    def DeleteKey(self, root, path):  # noqa: N802
        path = path.lower()
        if path not in self.keys:
            raise FileNotFoundError(path)
        if any(k.startswith(path + "\\") for k in self.keys):
            raise PermissionError("key has subkeys")  # as winreg: DeleteKey never recurses
        del self.keys[path]
