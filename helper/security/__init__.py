"""Who may talk to the helper: loopback Host, the paired extension's Origin, a pairing token."""

from .guard import init_app
from .pairing import PairingStore

__all__ = ["PairingStore", "init_app"]
